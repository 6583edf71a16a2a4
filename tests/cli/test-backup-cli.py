#!/usr/bin/python3
"""antt-cli backup, verify, restore, snapshot and list-backups, as a clerk
or a script uses them: real files in a temporary folder.

Run by meson with the path of antt-cli as the first argument. The full and
read-only USB drives are small tmpfs mounts, made only when running as root;
otherwise those tests are skipped and say why.
"""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

CLI = None


def table_counts(path):
    con = sqlite3.connect(path)
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                for name in names}
    finally:
        con.close()


def integrity(path):
    con = sqlite3.connect(path)
    try:
        return con.execute('PRAGMA integrity_check').fetchone()[0]
    finally:
        con.close()


def assert_same_rows(test, a, b):
    """Every table of a and b, row by row."""
    con = sqlite3.connect(a)
    try:
        con.execute('ATTACH ? AS other', (b,))
        names = [r[0] for r in con.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%'")]
        test.assertGreater(len(names), 10)
        for name in names:
            rows_a = con.execute(f'SELECT * FROM main."{name}" ORDER BY rowid').fetchall()
            rows_b = con.execute(f'SELECT * FROM other."{name}" ORDER BY rowid').fetchall()
            test.assertEqual(rows_a, rows_b, name)
    finally:
        con.close()


class BackupCliTest(unittest.TestCase):
    demo = None   # made once: antt-cli demo-data --scale 3
    tmp_class = None

    @classmethod
    def setUpClass(cls):
        cls.tmp_class = tempfile.TemporaryDirectory(prefix='antt-backup-cli-')
        cls.demo = os.path.join(cls.tmp_class.name, 'demo.db')
        r = subprocess.run([CLI, '--database', cls.demo, 'demo-data', '--scale', '3'],
                           capture_output=True, text=True,
                           env=dict(os.environ, LC_ALL='C.UTF-8',
                                    XDG_DATA_HOME=os.path.join(cls.tmp_class.name, 'xdg')))
        assert r.returncode == 0, r.stderr

    @classmethod
    def tearDownClass(cls):
        cls.tmp_class.cleanup()

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='antt-backup-cli-')
        self.dir = self.tmp.name
        self.xdg = self.path('xdg')
        self.mounts = []

    def tearDown(self):
        # Always unmount, whatever happened in the test.
        for mount in reversed(self.mounts):
            subprocess.run(['umount', mount], capture_output=True)
        self.tmp.cleanup()

    def path(self, *names):
        return os.path.join(self.dir, *names)

    def env(self):
        return dict(os.environ, LC_ALL='C.UTF-8', XDG_DATA_HOME=self.xdg)

    def run_cli(self, *args, stdin=None, timeout=600):
        full_env = self.env()
        full_env.pop('LANGUAGE', None)
        return subprocess.run([CLI, *args], capture_output=True, text=True, env=full_env,
                              input=stdin, timeout=timeout)

    def copy_demo(self, name='data.db'):
        target = self.path(name)
        src = sqlite3.connect(self.demo)
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
        return target

    def folder(self, name):
        path = self.path(name)
        os.makedirs(path, exist_ok=True)
        return path

    def backup(self, db, out, *extra, stdin=None):
        r = self.run_cli('--database', db, 'backup', '--to', out, *extra, stdin=stdin)
        self.assertEqual(r.returncode, 0, r.stderr)
        files = [f for f in os.listdir(out) if f.endswith('.anttbak')]
        newest = max(files, key=lambda f: os.path.getmtime(os.path.join(out, f)))
        return os.path.join(out, newest), r

    def mount_tmpfs(self, options):
        if os.geteuid() != 0:
            reason = 'mounting a tmpfs as a USB drive needs root'
            print(f'\nSKIP: {reason}', file=sys.stderr)
            self.skipTest(reason)
        point = self.folder(f'stick-{len(self.mounts)}')
        r = subprocess.run(['mount', '-t', 'tmpfs', '-o', options, 'tmpfs', point],
                           capture_output=True, text=True)
        if r.returncode != 0:
            reason = f'cannot mount a tmpfs here: {r.stderr.strip()}'
            print(f'\nSKIP: {reason}', file=sys.stderr)
            self.skipTest(reason)
        self.mounts.append(point)
        return point

    # Round trips ------------------------------------------------------------

    def test_backup_verify_restore(self):
        db = self.copy_demo()
        out = self.folder('stick')
        before = table_counts(db)

        path, r = self.backup(db, out)
        name = os.path.basename(path)
        self.assertRegex(name, r'^thidua-antt-binh-luong-\d{8}-\d{4}\.anttbak$')
        self.assertIn(path, r.stdout)
        self.assertIn('Size:', r.stdout)
        self.assertRegex(r.stdout, r'verified in \d+\.\d s')
        self.assertEqual(os.listdir(out), [name])

        r = self.run_cli('verify', path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn('Bình Lương', r.stdout)
        self.assertIn('members', r.stdout)

        # Into a new place, then over existing data.
        fresh = self.path('restored', 'data.db')
        r = self.run_cli('--database', fresh, 'restore', path, '--yes')
        self.assertEqual(r.returncode, 0, r.stderr)
        assert_same_rows(self, db, fresh)

        other = self.path('other.db')
        self.assertEqual(self.run_cli('--database', other, 'init').returncode, 0)
        r = self.run_cli('--database', other, 'restore', path, '--yes')
        self.assertEqual(r.returncode, 0, r.stderr)
        assert_same_rows(self, db, other)
        self.assertIn('was kept in', r.stdout)
        self.assertEqual(table_counts(db), before)

    def test_encrypted(self):
        db = self.copy_demo()
        out = self.folder('stick')
        secret = self.path('secret.txt')
        with open(secret, 'w') as f:
            f.write('cây đa giếng nước sân đình\n')

        path, r = self.backup(db, out, '--passphrase-file', secret, '--low-memory')
        self.assertIn('cannot be recovered', r.stdout)
        with open(path, 'rb') as f:
            contents = f.read()
        self.assertNotIn(b'SQLite format 3', contents)
        self.assertNotIn('Lương'.encode(), contents)

        r = self.run_cli('verify', path)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('passphrase', r.stderr)

        r = self.run_cli('verify', path, '--passphrase-stdin', stdin='cây đa giếng nước\n')
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('Wrong passphrase', r.stderr)

        r = self.run_cli('verify', path, '--passphrase-stdin',
                         stdin='cây đa giếng nước sân đình\n')
        self.assertEqual(r.returncode, 0, r.stderr)

        target = self.path('restored.db')
        r = self.run_cli('--database', target, 'restore', path, '--yes',
                         '--passphrase-file', secret)
        self.assertEqual(r.returncode, 0, r.stderr)
        assert_same_rows(self, db, target)

    def test_checksums(self):
        """With and without the processor's SHA extensions, the digests are
        SHA-256 as everyone computes it."""
        import hashlib
        import json
        import struct
        db = self.copy_demo()
        for no_sha_ni in ('', '1'):
            out = self.folder(f'stick{no_sha_ni}')
            env = self.env()
            if no_sha_ni:
                env['ANTT_BACKUP_NO_SHA_NI'] = '1'
            r = subprocess.run([CLI, '--database', db, 'backup', '--to', out],
                               capture_output=True, text=True, env=env)
            self.assertEqual(r.returncode, 0, r.stderr)
            [name] = os.listdir(out)
            with open(os.path.join(out, name), 'rb') as f:
                data = f.read()
            manifest_length = struct.unpack('<Q', data[16:24])[0]
            manifest = data[192:192 + manifest_length]
            self.assertEqual(hashlib.sha256(data[:160]).digest(), data[160:192])
            self.assertEqual(hashlib.sha256(manifest).digest(), data[32:64])
            self.assertEqual(hashlib.sha256(data[192 + manifest_length:]).hexdigest(),
                             json.loads(manifest)['database']['sha256'])
            r = subprocess.run([CLI, 'verify', os.path.join(out, name)],
                               capture_output=True, text=True, env=env)
            self.assertEqual(r.returncode, 0, r.stderr)

    def test_passphrase_not_on_command_line(self):
        db = self.copy_demo()
        r = self.run_cli('--database', db, 'backup', '--to', self.folder('o'),
                         '--passphrase', 'mật khẩu dài')
        self.assertNotEqual(r.returncode, 0)
        self.assertEqual(os.listdir(self.path('o')), [])
        short = self.path('short.txt')
        with open(short, 'w') as f:
            f.write('abc\n')
        r = self.run_cli('--database', db, 'backup', '--to', self.path('o'),
                         '--passphrase-file', short)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('too short', r.stderr)
        self.assertEqual(os.listdir(self.path('o')), [])

    def test_restore_asks_first(self):
        db = self.copy_demo()
        path, _ = self.backup(db, self.folder('stick'))
        target = self.path('target.db')
        self.assertEqual(self.run_cli('--database', target, 'init').returncode, 0)
        with open(target, 'rb') as f:
            before = f.read()

        r = self.run_cli('--database', target, 'restore', path, stdin='n\n')
        self.assertNotEqual(r.returncode, 0)
        # The manifest is shown before the question.
        self.assertIn('Bình Lương', r.stdout)
        self.assertIn('Records:', r.stdout)
        self.assertIn('members', r.stdout)
        self.assertIn('[y/N]', r.stdout)
        self.assertIn('nothing was changed', r.stderr)
        with open(target, 'rb') as f:
            self.assertEqual(f.read(), before)

        r = self.run_cli('--database', target, 'restore', path, stdin='')
        self.assertNotEqual(r.returncode, 0)

        r = self.run_cli('--database', target, 'restore', path, stdin='y\n')
        self.assertEqual(r.returncode, 0, r.stderr)
        assert_same_rows(self, db, target)

    # Bad input ----------------------------------------------------------------

    def test_bad_files(self):
        db = self.copy_demo()
        path, _ = self.backup(db, self.folder('stick'))
        with open(path, 'rb') as f:
            good = f.read()

        cases = {
            'photo.anttbak': (b'\x89PNG\r\n\x1a\n' + bytes(200), 'not a Thi đua ANTT backup'),
            'cut.anttbak': (good[:len(good) // 2], 'incomplete'),
            'flipped.anttbak': (good[:len(good) // 2] + bytes([good[len(good) // 2] ^ 1])
                                + good[len(good) // 2 + 1:], 'damaged'),
        }
        target = self.copy_demo('target.db')
        with open(target, 'rb') as f:
            target_bytes = f.read()
        for name, (contents, message) in cases.items():
            bad = self.path(name)
            with open(bad, 'wb') as f:
                f.write(contents)
            r = self.run_cli('verify', bad)
            self.assertNotEqual(r.returncode, 0, name)
            self.assertIn(message, r.stderr, name)
            r = self.run_cli('--database', target, 'restore', bad, '--yes')
            self.assertNotEqual(r.returncode, 0, name)
            self.assertIn(message, r.stderr, name)
            with open(bad, 'rb') as f:
                self.assertEqual(f.read(), contents, name)
            with open(target, 'rb') as f:
                self.assertEqual(f.read(), target_bytes, name)

        r = self.run_cli('verify', self.path('missing.anttbak'))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('does not exist', r.stderr)

    def test_killed_backups(self):
        """SIGKILL at random moments: the source stays whole, and only whole
        backups carry a final name."""
        db = self.copy_demo()
        out = self.folder('stick')
        before = table_counts(db)
        rng = random.Random(os.environ.get('ANTT_TEST_SEED', '6'))

        for _ in range(20):
            proc = subprocess.Popen([CLI, '--database', db, 'backup', '--to', out],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    env=self.env())
            time.sleep(rng.uniform(0, 0.3))
            proc.send_signal(signal.SIGKILL)
            proc.wait()

            self.assertEqual(integrity(db), 'ok')
            self.assertEqual(table_counts(db), before)

        finished = partial = 0
        for name in os.listdir(out):
            r = self.run_cli('verify', os.path.join(out, name))
            if name.startswith('.') and name.endswith('.partial'):
                partial += 1
                self.assertNotEqual(r.returncode, 0, name)
                self.assertIn('unfinished', r.stderr)
            else:
                finished += 1
                self.assertTrue(name.endswith('.anttbak'), name)
                self.assertEqual(r.returncode, 0, f'{name}: {r.stderr}')
        print(f'\n20 kills: {finished} finished backups, {partial} unfinished files',
              file=sys.stderr)

        # Whatever was left, the next backup goes through.
        self.backup(db, out)

    def test_full_stick(self):
        db = self.copy_demo()
        stick = self.mount_tmpfs('size=64k')
        r = self.run_cli('--database', db, 'backup', '--to', stick)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('Not enough space', r.stderr)
        self.assertIn('nothing was written', r.stderr)
        self.assertEqual(os.listdir(stick), [])

    def test_read_only_stick(self):
        db = self.copy_demo()
        stick = self.mount_tmpfs('size=8m,ro')
        r = self.run_cli('--database', db, 'backup', '--to', stick)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('read-only', r.stderr)
        self.assertEqual(os.listdir(stick), [])

    def test_locked_database(self):
        db = self.copy_demo()
        out = self.folder('stick')
        path, _ = self.backup(db, out)
        os.remove(path)
        before = table_counts(db)

        con = sqlite3.connect(db, isolation_level=None)
        try:
            # Another program that keeps the file to itself.
            con.execute('PRAGMA journal_mode = WAL')
            con.execute('PRAGMA locking_mode = EXCLUSIVE')
            con.execute('BEGIN EXCLUSIVE')
            con.execute("UPDATE commune SET agency_code = 'X'")
            r = self.run_cli('--database', db, 'backup', '--to', out)
            self.assertNotEqual(r.returncode, 0)
            self.assertIn('locked', r.stderr)
            self.assertEqual(os.listdir(out), [])
            con.execute('ROLLBACK')
        finally:
            con.close()
        self.assertEqual(table_counts(db), before)

        # Restoring over a file that another program has open is refused.
        path, _ = self.backup(db, out)
        con = sqlite3.connect(db)
        try:
            con.execute('SELECT count(*) FROM members').fetchone()
            r = self.run_cli('--database', db, 'restore', path, '--yes')
            self.assertNotEqual(r.returncode, 0)
            self.assertIn('Close it', r.stderr)
        finally:
            con.close()
        self.assertEqual(integrity(db), 'ok')

    # Snapshots ------------------------------------------------------------------

    def test_snapshots_and_list(self):
        db = self.copy_demo()
        for _ in range(3):
            r = self.run_cli('--database', db, 'snapshot', '--keep', '2')
            self.assertEqual(r.returncode, 0, r.stderr)
        folder = os.path.join(self.xdg, 'thidua-antt', 'snapshots')
        self.assertEqual(len(os.listdir(folder)), 2)

        r = self.run_cli('list-backups')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.count('automatic snapshot'), 2)

        out = self.folder('stick')
        self.backup(db, out)
        with open(os.path.join(out, '.thidua-antt-x.anttbak.partial'), 'wb') as f:
            f.write(b'ANTTBAK1')
        r = self.run_cli('list-backups', out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn('Bình Lương', r.stdout)
        self.assertIn('unfinished', r.stdout)

        r = self.run_cli('--database', db, 'snapshot', '--keep', '0')
        self.assertNotEqual(r.returncode, 0)
        r = self.run_cli('list-backups', self.path('no-such-folder'))
        self.assertNotEqual(r.returncode, 0)


if __name__ == '__main__':
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
