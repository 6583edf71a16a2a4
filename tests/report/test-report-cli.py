#!/usr/bin/python3
# test-report-cli.py: the documents as a clerk gets them from the CLI, read
# back with poppler-utils the way another PC would.
#
# On a year of demo data (antt-cli demo-data --scale 1) with nominations, a
# committee meeting and the clerk's texts (report-fixture), every document:
#   - pdftotext has the national title, the motto, the headings, the numbers
#     and the nominees' names with their diacritics exactly;
#   - pdfinfo says A4; pdffonts says every font is embedded;
#   - pdftoppm: no ink inside the margins (the page number alone in the top
#     margin from page 2);
#   - a list of 65 nominees spans pages, its header row on each;
#   - the set agrees: numbers, dates and counts across proposal, list,
#     minutes and achievement reports;
#   - CSV read back by Python's csv module equals the rows (BOM, CRLF,
#     quoting, Vietnamese intact).
#
# Usage: test-report-cli.py ANTT_CLI REPORT_DRIVER REPORT_FIXTURE SCHEMA_V3_SQL
#
# Copyright 2026 The Thi đua ANTT authors
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata

ANTT_CLI, DRIVER, FIXTURE, SCHEMA = sys.argv[1:5]

NATIONAL = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
MOTTO = 'Độc lập - Tự do - Hạnh phúc'
DPI = 50
MM = DPI / 25.4

failures = 0
count = 0


def check(condition, message):
    global failures, count
    count += 1
    if condition:
        print('ok %d - %s' % (count, message))
    else:
        failures += 1
        print('not ok %d - %s' % (count, message))


def run(args, expect=0):
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode != expect:
        sys.stderr.write('$ %s\n%s%s' % (' '.join(args), proc.stdout, proc.stderr))
    return proc


def nfc(text):
    return unicodedata.normalize('NFC', text)


def squash(text):
    return re.sub(r'\s+', ' ', nfc(text))


def pdftext(path, *extra):
    out = subprocess.run(['pdftotext', '-enc', 'UTF-8', *extra, path, '-'],
                         capture_output=True, text=True, check=True).stdout
    return squash(out)


def pdfinfo(path):
    out = subprocess.run(['pdfinfo', path], capture_output=True, text=True, check=True).stdout
    return dict(line.split(':', 1) for line in out.splitlines() if ':' in line)


def read_pgm(path):
    with open(path, 'rb') as f:
        data = f.read()
    # P5 width height maxval, then bytes
    parts = data.split(maxsplit=4)
    assert parts[0] == b'P5'
    width, height = int(parts[1]), int(parts[2])
    pixels = parts[4][-(width * height):]
    return width, height, pixels


def margins_clean(pdf, page, tmp):
    """Returns a list of problems: ink inside the margins of one page."""
    base = os.path.join(tmp, 'page')
    subprocess.run(['pdftoppm', '-r', str(DPI), '-gray', '-f', str(page), '-l', str(page),
                    pdf, base], check=True)
    name = [f for f in os.listdir(tmp) if f.startswith('page') and f.endswith('.pgm')][0]
    path = os.path.join(tmp, name)
    width, height, pixels = read_pgm(path)
    os.remove(path)

    def ink(x, y):
        return pixels[y * width + x] < 200

    # One pixel of slack for antialiasing at the edge of the text area.
    left = int(30 * MM) - 1
    right = width - int(15 * MM) + 1
    top = int(20 * MM) - 1
    bottom = height - int(20 * MM) + 1
    problems = []
    for y in range(height):
        for x in range(width):
            if not ink(x, y):
                continue
            if x < left or x >= right or y >= bottom:
                problems.append('ink at %d,%d outside the text area' % (x, y))
            elif y < top:
                # The page number: centred over the text, from page 2.
                centre = (left + right) / 2
                if page == 1 or abs(x - centre) > 12 * MM:
                    problems.append('ink at %d,%d in the top margin' % (x, y))
            if len(problems) > 5:
                return problems
    return problems


def check_pdf(pdf, label, tmp):
    info = pdfinfo(pdf)
    check('595.276 x 841.89 pts (A4)' in info.get('Page size', ''),
          '%s: A4 portrait (%s)' % (label, info.get('Page size', '').strip()))
    check(info.get('Creator', '').strip() == 'Thi đua ANTT', '%s: creator' % label)
    fonts = subprocess.run(['pdffonts', pdf], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    check(fonts and all(line.split()[-5] == 'yes' for line in fonts),
          '%s: every font embedded (%d)' % (label, len(fonts)))
    check(all('Liberation' in line or 'Times' in line for line in fonts),
          '%s: a Times New Roman compatible serif' % label)
    pages = int(info['Pages'])
    for page in sorted({1, min(2, pages), pages}):
        problems = margins_clean(pdf, page, tmp)
        check(not problems, '%s: page %d has no ink in the margins %s'
              % (label, page, problems[:3] if problems else ''))
    return pages


def main():
    tmp = tempfile.mkdtemp(prefix='test-report-cli-')
    try:
        body(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print('1..%d' % count)
    sys.exit(1 if failures else 0)


def body(tmp):
    db = os.path.join(tmp, 'antt.db')
    run([ANTT_CLI, '--database', db, 'demo-data', '--scale', '1'])
    fixture = run([FIXTURE, '--database', db, '--schema', SCHEMA, '--long', '65'])
    check(fixture.returncode == 0, 'fixture: nominations, meeting, texts')
    made = dict(line.split('=', 1) for line in fixture.stdout.split())
    bk_ids = [int(x) for x in made['bk_ids'].split(',')]
    gk_ids = [int(x) for x in made['gk_ids'].split(',')]
    rejected = int(made['rejected_id'])

    # antt-cli once it lists the commands; until then the same code through
    # the driver.
    probe = subprocess.run([ANTT_CLI, 'report', '--help'], capture_output=True, text=True)
    cli = [ANTT_CLI] if probe.returncode == 0 else [DRIVER]
    print('# documents through %s' % cli[0])

    def report(kind, out, *extra, expect=0):
        return run(cli + ['report', kind, '--database', db, '-o', out, *extra], expect)

    con = sqlite3.connect(db)
    names = {}
    for nid, name in con.execute(
            "SELECT n.id, coalesce(t.name, m.full_name) FROM nominations n"
            " LEFT JOIN teams t ON t.id = n.team_id LEFT JOIN members m ON m.id = n.member_id"):
        names[nid] = nfc(name)
    listed = [i for i in bk_ids if i != rejected]

    pdfs = {}
    date = ['--date', '10/02/2025']

    # The interim report --------------------------------------------------
    pdf = os.path.join(tmp, 'interim.pdf')
    check(report('interim', pdf, '--phase', '1', *date).returncode == 0, 'report interim')
    text = pdftext(pdf)
    for needle in (NATIONAL, MOTTO, 'BCĐ ANTT XÃ BÌNH LƯƠNG', 'CÔNG AN XÃ BÌNH LƯƠNG',
                   'Số: 01/BC-CAX', 'Bình Lương, ngày 10 tháng 02 năm 2025', 'BÁO CÁO',
                   'Sơ kết Đợt thi đua thứ Nhất',
                   'I. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA', 'II. TỒN TẠI, HẠN CHẾ',
                   'III. CÔNG TÁC KHEN THƯỞNG', 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
                   'từ ngày 19/08/2024 đến ngày 03/02/2025',
                   'Các Tổ bảo vệ ANTT đã chủ động phối hợp với Công an xã',
                   'Một số thành viên chưa tham gia đầy đủ',
                   'Đề nghị UBND xã bố trí kinh phí', 'Nơi nhận:', 'Lưu: VT, CAX.',
                   'TRƯỞNG BAN', 'CHỦ TỊCH UBND XÃ', 'Lê Đức Tuấn', 'Công an xã Bình Lương'):
        check(needle in text, 'interim report has “%s”' % needle)
    for code in ['T%d' % i for i in range(1, 17)]:
        check(re.search(r'\b%s\b' % code, text) is not None, 'interim report has target %s' % code)
    tips = con.execute("SELECT count(*) FROM tips WHERE received_date BETWEEN '2024-08-19'"
                       " AND '2025-02-03'").fetchone()[0]
    raw = pdftext(pdf, '-raw')
    check('Nguồn tin về an ninh, trật tự tiếp nhận %s' % format(tips, ',').replace(',', '.')
          in raw, 'interim report counts %d tips of the phase' % tips)
    pdfs['interim'] = pdf

    # The final report ---------------------------------------------------
    pdf = os.path.join(tmp, 'final.pdf')
    check(report('final', pdf, '--date', '20/08/2025').returncode == 0, 'report final')
    text = pdftext(pdf)
    for needle in (NATIONAL, MOTTO, 'Số: 02/BC-CAX', 'Bình Lương, ngày 20 tháng 8 năm 2025',
                   'Tổng kết phong trào thi đua đặc biệt',
                   'từ ngày 19/08/2024 đến ngày 19/08/2025', 'Xếp hạng các Tổ bảo vệ ANTT'):
        check(needle in text, 'final report has “%s”' % needle)
    pdfs['final'] = pdf

    # The nominee list, before the proposal: it takes the proposal's number.
    pdf = os.path.join(tmp, 'nominees.pdf')
    check(report('nominees', pdf, '--phase', '1', '--level', 'province_bk', *date).returncode == 0,
          'report nominees')
    text = pdftext(pdf, '-raw')
    for needle in (NATIONAL, MOTTO, 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG', 'Số: 01/DS-CAX',
                   'Kèm theo Tờ trình số 01/TTr-CAX ngày 10/02/2025 của Công an xã Bình Lương',
                   'I. TẬP THỂ (03)', 'II. CÁ NHÂN (04)', 'Bằng khen của Chủ tịch UBND tỉnh'):
        check(needle in text, 'list has “%s”' % needle)
    for nid in listed:
        check(names[nid] in text, 'list names “%s”' % names[nid])
    check(names[rejected] not in text, 'list leaves out “%s”, rejected' % names[rejected])
    pdfs['nominees'] = pdf

    # The proposal --------------------------------------------------------
    pdf = os.path.join(tmp, 'proposal.pdf')
    check(report('proposal', pdf, '--phase', '1', '--level', 'province_bk').returncode == 0,
          'report proposal')
    text = pdftext(pdf)
    for needle in (NATIONAL, MOTTO, 'TỜ TRÌNH', 'Số: 01/TTr-CAX',
                   'Bình Lương, ngày 10 tháng 02 năm 2025',
                   'Kính gửi: Chủ tịch UBND tỉnh Thanh Hóa',
                   'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
                   'Căn cứ Nghị định số 98/2023/NĐ-CP',
                   'Căn cứ Biên bản số 01/BB-CAX ngày 05/02/2025',
                   'cho 03 tập thể và 04 cá nhân',
                   '(có danh sách và báo cáo thành tích kèm theo)', 'Như trên;', 'Lưu: VT, CAX.'):
        check(needle in text, 'proposal has “%s”' % needle)
    pdfs['proposal'] = pdf

    # The minutes ----------------------------------------------------------
    pdf = os.path.join(tmp, 'minutes.pdf')
    check(report('minutes', pdf, '--phase', '1').returncode == 0, 'report minutes')
    text = pdftext(pdf, '-raw')
    for needle in (NATIONAL, MOTTO, 'BIÊN BẢN', 'Số: 01/BB-CAX',
                   'Bình Lương, ngày 05 tháng 02 năm 2025', 'Vào hồi 08 giờ 00 phút',
                   'Hội trường UBND xã Bình Lương', 'Chủ trì: Lê Đức Tuấn',
                   'Thư ký: Nguyễn Thị Hoa', '07/09 đồng chí',
                   'Đ/c Phạm Văn Hùng, Đ/c Trần Thị Lan', 'bỏ phiếu kín', '77,8', '44,4',
                   'Không đề nghị', 'kết thúc vào hồi 10 giờ 30 phút', 'THƯ KÝ', 'CHỦ TỌA',
                   'đề nghị khen thưởng 03 tập thể và 04 cá nhân'):
        check(needle in text, 'minutes have “%s”' % needle)
    for nid in bk_ids:
        check(names[nid] in text, 'minutes name “%s”' % names[nid])
    pdfs['minutes'] = pdf

    # Achievement reports: a collective and an individual --------------------
    for nid, kind in ((bk_ids[0], 'collective'), (bk_ids[3], 'individual')):
        pdf = os.path.join(tmp, 'achievement-%s.pdf' % kind)
        check(report('achievement', pdf, '--nomination', str(nid)).returncode == 0,
              'report achievement (%s)' % kind)
        text = pdftext(pdf)
        for needle in (NATIONAL, MOTTO, 'BÁO CÁO THÀNH TÍCH',
                       'Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh',
                       'II. THÀNH TÍCH ĐẠT ĐƯỢC', 'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG',
                       'Bình Lương, ngày 10 tháng 02 năm 2025', names[nid]):
            check(needle in text, 'achievement (%s) has “%s”' % (kind, needle))
        check(('I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH' if kind == 'collective' else 'I. SƠ LƯỢC LÝ LỊCH')
              in text, 'achievement (%s) outline' % kind)
        check(('TỔ TRƯỞNG' if kind == 'collective' else 'NGƯỜI BÁO CÁO THÀNH TÍCH') in text,
              'achievement (%s) reporter signs' % kind)
        check('XÁC NHẬN' in text, 'achievement (%s) certified by the head' % kind)
        pdfs['achievement-' + kind] = pdf

    # The dossier: one PDF, and a folder --------------------------------------
    pdf = os.path.join(tmp, 'dossier.pdf')
    check(report('dossier', pdf, '--phase', '1', '--level', 'province_bk').returncode == 0,
          'report dossier to one PDF')
    text = pdftext(pdf)
    for needle in ('Số: 01/TTr-CAX', 'Số: 01/DS-CAX', 'Số: 01/BB-CAX', 'BÁO CÁO THÀNH TÍCH'):
        check(needle in text, 'dossier has “%s”' % needle)
    check(text.count('BÁO CÁO THÀNH TÍCH Đề nghị tặng') == len(listed),
          'dossier has one achievement report per nominee (%d)' % len(listed))
    dossier_pages = int(pdfinfo(pdf)['Pages'])
    pdfs['dossier'] = pdf
    folder = os.path.join(tmp, 'dossier')
    check(report('dossier', folder, '--phase', '1', '--level', 'province_bk').returncode == 0,
          'report dossier to a folder')
    files = sorted(os.listdir(folder))
    check(len(files) == 3 + len(listed), 'dossier folder: %d files' % len(files))
    check(files and files[0].startswith('01-to-trinh') and files[1].startswith('02-danh-sach'),
          'dossier folder in order: %s' % files[:3])
    check(sum(int(pdfinfo(os.path.join(folder, f))['Pages']) for f in files) == dossier_pages,
          'the folder has the pages of the one PDF')
    registered = con.execute('SELECT count(*) FROM document_register').fetchone()[0]
    check(registered == 5, 'printing again took no new numbers (%d registered)' % registered)

    # A long list: 65 nominees of an award without a cap ------------------------
    pdf = os.path.join(tmp, 'long.pdf')
    check(report('nominees', pdf, '--phase', '1', '--level', 'commune_gk').returncode == 0,
          'report nominees, 65 of them')
    pages = int(pdfinfo(pdf)['Pages'])
    check(pages >= 3, 'the long list spans %d pages' % pages)
    for page in range(1, pages + 1):
        layout = subprocess.run(['pdftotext', '-enc', 'UTF-8', '-layout', '-f', str(page),
                                 '-l', str(page), pdf, '-'], capture_output=True, text=True,
                                check=True).stdout
        check('Tóm tắt thành tích' in layout and 'STT' in layout,
              'the header row is on page %d' % page)
    text = pdftext(pdf, '-raw')
    missing = [names[i] for i in gk_ids if names[i] not in text]
    check(not missing, 'the long list names all 65 (%s)' % missing[:3])
    pdfs['long'] = pdf

    for label, path in sorted(pdfs.items()):
        check_pdf(path, label, tmp)

    # Refusals ----------------------------------------------------------------------
    out = os.path.join(tmp, 'refused.pdf')
    refused = report('nominees', out, '--phase', '1', expect=1)
    check(refused.returncode == 1 and 'award' in refused.stderr,
          'two awards with nominations: asks which (%s)' % refused.stderr.strip())
    check(not os.path.exists(out), 'nothing written when refused')
    refused = report('achievement', out, '--nomination', '99999', expect=1)
    check(refused.returncode == 1, 'no such nomination: refused')

    # CSV ---------------------------------------------------------------------------------
    def export(what, out, *extra):
        return run(cli + ['export-csv', what, '--database', db, '-o', out, *extra])

    csv_path = os.path.join(tmp, 'members.csv')
    check(export('members', csv_path).returncode == 0, 'export-csv members')
    raw = open(csv_path, 'rb').read()
    check(raw.startswith(b'\xef\xbb\xbf'), 'CSV starts with the UTF-8 BOM')
    check(b'\r\n' in raw and b'\n' not in raw.replace(b'\r\n', b''), 'CSV lines end in CRLF')
    rows = list(csv.reader(io.StringIO(raw.decode('utf-8-sig'), newline='')))
    header = rows[0]
    check(header[:4] == ['Mã', 'Họ và tên', 'Ngày sinh', 'Giới tính'],
          'CSV header in Vietnamese: %s' % header[:4])
    check('Số CCCD' not in header and not any('CCCD' in h for h in header),
          'ID numbers left out by default')
    expected = [[str(i), nfc(n), '%s/%s/%s' % (b[8:10], b[5:7], b[0:4]),
                 'Nam' if g == 'male' else 'Nữ'] for i, n, b, g in con.execute(
                     'SELECT id, full_name, birth_date, gender FROM members')]
    got = sorted([r[:4] for r in rows[1:]], key=lambda r: int(r[0]))
    check(got == sorted(expected, key=lambda r: int(r[0])),
          'CSV rows equal the members (%d)' % len(expected))
    team_col = header.index('Tổ')
    team_of = dict(con.execute('SELECT m.id, t.name FROM members m JOIN teams t ON t.id = m.team_id'))
    check(all(nfc(team_of[int(r[0])]) == r[team_col] for r in rows[1:]),
          'CSV names each member’s team')

    csv_path = os.path.join(tmp, 'tips.csv')
    check(export('tips', csv_path, '--phase', '1').returncode == 0, 'export-csv tips --phase 1')
    rows = list(csv.reader(open(csv_path, encoding='utf-8-sig', newline='')))
    check(len(rows) - 1 == tips, 'CSV of phase 1 has its %d tips' % tips)

    csv_path = os.path.join(tmp, 'list.csv')
    check(export('nominee-list', csv_path, '--phase', '1', '--level', 'province_bk').returncode == 0,
          'export-csv nominee-list')
    rows = list(csv.reader(open(csv_path, encoding='utf-8-sig', newline='')))
    check(rows[0] == ['STT', 'Tên tập thể, cá nhân', 'Chức vụ, đơn vị', 'Tóm tắt thành tích',
                      'Hình thức khen thưởng'], 'list CSV header as printed')
    listed_names = [r[1] for r in rows[1:] if r[0].isdigit()]
    check(sorted(listed_names) == sorted(names[i] for i in listed),
          'list CSV has the list’s %d nominees' % len(listed))
    check(any('"người bạn của thôn"' in r[3] for r in rows[1:]),
          'quotes inside a summary survive')
    check(any(',' in r[3] for r in rows[1:]), 'commas inside a summary survive')

    csv_path = os.path.join(tmp, 'targets.csv')
    check(export('target-results', csv_path, '--phase', '1', '--date', '10/02/2025').returncode == 0,
          'export-csv target-results')
    rows = list(csv.reader(open(csv_path, encoding='utf-8-sig', newline='')))
    check([r[0] for r in rows[1:]] == ['T%d' % i for i in range(1, 17)], 'targets T1–T16 in CSV')

    refused = run(cli + ['export-csv', 'no_such_table', '--database', db, '-o',
                         os.path.join(tmp, 'x.csv')], expect=1)
    check(refused.returncode == 1, 'export-csv of an unknown table: refused')


main()
