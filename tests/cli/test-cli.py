#!/usr/bin/python3
"""antt-cli as a clerk or a script uses it: real files in a temporary folder.

Run by meson with the path of antt-cli as the first argument.
"""
import hashlib
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import unittest

# The version a new file must have: the core's own constant.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       '..', '..', 'src', 'core', 'antt-database.h'),
          encoding='utf-8') as header:
    SCHEMA_VERSION = int(re.search(r'#define ANTT_SCHEMA_VERSION (\d+)',
                                   header.read()).group(1))

CLI = None


def run(*args, env=None, lang='C.UTF-8'):
    full_env = dict(os.environ)
    full_env['LC_ALL'] = lang
    full_env.pop('LANGUAGE', None)
    if env:
        full_env.update(env)
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=full_env,
                          timeout=600)


def digest(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='antt-cli-')
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def test_init_creates_file_with_plan(self):
        db = self.path('new/folder/thidua.db')
        r = run('--database', db, 'init')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.exists(db))
        con = sqlite3.connect(db)
        self.assertEqual(con.execute('PRAGMA user_version').fetchone()[0], SCHEMA_VERSION)
        self.assertEqual(con.execute('SELECT count(*) FROM targets').fetchone()[0], 16)
        con.close()
        # Running it again checks the file and seeds nothing twice.
        r = run('--database', db, 'init')
        self.assertEqual(r.returncode, 0, r.stderr)
        con = sqlite3.connect(db)
        self.assertEqual(con.execute('SELECT count(*) FROM phases').fetchone()[0], 2)
        con.close()

    def test_info_shows_campaign_and_deadlines(self):
        db = self.path('a.db')
        self.assertEqual(run('--database', db, 'init').returncode, 0)
        r = run('--database', db, 'info')
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout
        self.assertIn('Lực lượng mới, khí thế mới, thi đua bảo đảm an ninh, trật tự ở cơ sở '
                      'trong tình hình mới', out)
        for date in ('19/08/2024', '03/02/2025', '04/02/2025', '19/08/2025',
                     '15/02/2025', '25/08/2025'):
            self.assertIn(date, out)
        self.assertRegex(out, r'targets\s+16\b')
        self.assertRegex(out, r'award_caps\s+4\b')

    def test_info_in_vietnamese(self):
        db = self.path('a.db')
        self.assertEqual(run('--database', db, 'init').returncode, 0)
        r = run('--database', db, 'info', lang='vi_VN.UTF-8')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn('Tệp dữ liệu', r.stdout)
        self.assertIn('Đợt thứ Nhất', r.stdout)

    def test_refuses_text_file_untouched(self):
        bad = self.path('notes.db')
        with open(bad, 'w') as f:
            f.write('Danh sách tổ viên\n' * 20)
        before = digest(bad)
        r = run('--database', bad, 'info')
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('not a Thi đua ANTT data file', r.stderr)
        self.assertEqual(digest(bad), before)
        r = run('--database', bad, 'init')
        self.assertNotEqual(r.returncode, 0)
        self.assertEqual(digest(bad), before)

    def test_refuses_foreign_database_untouched(self):
        other = self.path('other.sqlite')
        con = sqlite3.connect(other)
        con.execute('CREATE TABLE contacts (name TEXT)')
        con.execute("INSERT INTO contacts VALUES ('Nguyễn Văn Đức')")
        con.commit()
        con.close()
        before = digest(other)
        r = run('--database', other, 'init')
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('another program', r.stderr)
        self.assertEqual(digest(other), before)
        self.assertFalse(os.path.exists(other + '-wal'))

    def test_refuses_newer_schema(self):
        db = self.path('future.db')
        self.assertEqual(run('--database', db, 'init').returncode, 0)
        con = sqlite3.connect(db)
        con.execute('PRAGMA user_version = 7')
        con.commit()
        con.close()
        before = digest(db)
        r = run('--database', db, 'info')
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('newer version', r.stderr)
        self.assertEqual(digest(db), before)

    def test_info_on_missing_file_creates_nothing(self):
        db = self.path('missing.db')
        r = run('--database', db, 'info')
        self.assertNotEqual(r.returncode, 0)
        self.assertFalse(os.path.exists(db))

    def test_unknown_command_and_bad_scale(self):
        self.assertNotEqual(run('frobnicate').returncode, 0)
        r = run('--database', self.path('a.db'), 'demo-data', '--scale', '0')
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('--scale', r.stderr)

    def test_demo_data_is_realistic_and_deterministic(self):
        dumps = []
        for name in ('one.db', 'two.db'):
            db = self.path(name)
            r = run('--database', db, 'demo-data', '--scale', '1', '--seed', '7')
            self.assertEqual(r.returncode, 0, r.stderr)
            con = sqlite3.connect(db)
            count = lambda t: con.execute(f'SELECT count(*) FROM {t}').fetchone()[0]
            self.assertGreaterEqual(count('villages'), 10)
            self.assertGreaterEqual(count('teams'), 10)
            self.assertGreaterEqual(count('members'), 50)
            self.assertGreaterEqual(count('tips'), 100)
            self.assertGreaterEqual(count('incidents'), 50)
            self.assertGreaterEqual(count('patrols'), 100)
            # Names carry their diacritics, and search keys are folded.
            names = [r[0] for r in con.execute('SELECT full_name FROM members')]
            self.assertTrue(any(ch in ''.join(names) for ch in 'ĐđƯưăâêôơ'))
            self.assertEqual(con.execute("SELECT count(*) FROM members WHERE name_fold GLOB '*[^ -~]*'")
                             .fetchone()[0], 0)
            # Every patrol participant was a member on the patrol's day.
            self.assertEqual(con.execute(
                'SELECT count(*) FROM patrol_participants pp JOIN patrols p ON p.id = pp.patrol_id '
                'JOIN members m ON m.id = pp.member_id '
                'WHERE m.joined_date > p.date OR (m.left_date IS NOT NULL AND m.left_date < p.date)'
            ).fetchone()[0], 0)
            dumps.append(list(con.execute(
                'SELECT full_name, birth_date, id_number, team_id FROM members ORDER BY id')))
            con.close()
        self.assertEqual(dumps[0], dumps[1])


if __name__ == '__main__':
    CLI = sys.argv.pop(1)
    unittest.main(verbosity=2)
