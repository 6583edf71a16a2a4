#!/usr/bin/python3
# End-to-end: the nomination wizard holds the province's cap. The real
# program on a data file filled by antt-cli demo-data, whose interim cap of
# Bằng khen for individuals is set to 2 (the caps are data); through its
# accessibility tree (AT-SPI) two members are nominated with the wizard,
# and the third nomination is blocked at the nominee step with the message,
# offering to withdraw one instead. The data file is read at the end.
#
#   test-e2e-wizard.py PROGRAM ANTT-CLI
#
# Run inside an X server and a D-Bus session (meson.build wraps it in
# xvfb-run and dbus-run-session). The helpers are in atspi_driver.py.
#
# Copyright 2026 The Thi đua ANTT authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

from atspi_driver import (TIMEOUT, Atspi, application, click, click_at,
                          click_when_sensitive, descendants, dump, find,
                          find_containing, find_in, has_state, is_visible,
                          program_env, start, step, toplevels, wait_for, window)

TODAY = "2024-12-10"     # within phase 1: the interim review
CAP = 2


def prepare(cli, path, env):
    """A data file with the demo records, the interim cap of individuals at
    CAP, and three members the core will find eligible."""
    subprocess.run([cli, "--database", path, "init"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([cli, "--database", path, "demo-data", "--scale", "1"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    db = sqlite3.connect(path)
    try:
        phase, start_date, end_date = db.execute(
            "SELECT p.id, p.start_date, p.end_date FROM phases p"
            " JOIN campaigns c ON c.id = p.campaign_id AND c.is_default = 1"
            " WHERE p.ordinal = 1").fetchone()
        award, = db.execute("SELECT id FROM award_levels WHERE code = 'province_bk'").fetchone()
        changed = db.execute("UPDATE award_caps SET max_count = ? WHERE phase_id = ?"
                             " AND award_level_id = ? AND nominee_kind = 'individual'",
                             (CAP, phase, award)).rowcount
        assert changed == 1, "no cap row to change"
        db.commit()
        rows = db.execute(
            "SELECT m.id, m.full_name FROM members m"
            " WHERE m.joined_date <= ?2 AND (m.left_date IS NULL OR m.left_date >= ?2)"
            " AND NOT EXISTS (SELECT 1 FROM member_violations v WHERE v.member_id = m.id"
            "                 AND v.date BETWEEN ?1 AND ?2)"
            " AND (SELECT count(*) FROM members o WHERE o.full_name = m.full_name) = 1"
            " ORDER BY m.id LIMIT 3", (start_date, end_date)).fetchall()
        assert len(rows) == 3, rows
        return phase, award, rows
    finally:
        db.close()


def nominate(app, main_window):
    """Opens the wizard from the Awards page, for a member."""
    click(find_in(main_window, "push button", "New nomination"))
    wizard = window(app, "New Nomination")
    click(find_in(wizard, "check box", "A member (individual)"))
    click_when_sensitive(wizard, "push button", "Next")
    return wizard


def main():
    program = os.path.abspath(sys.argv[1])
    cli = os.path.abspath(sys.argv[2])
    workdir = tempfile.mkdtemp(prefix="antt-e2e-wizard-")
    path = os.path.join(workdir, "thidua-antt.db")
    env = program_env(TODAY, ANTT_PAGE="awards")

    step(f"a data file with demo records and an interim cap of {CAP} individuals")
    phase, award, members = prepare(cli, path, env)
    proc = start(program, path, env)
    app = None

    try:
        step("the window opens on the Awards page")
        app = wait_for("the application on the accessibility bus",
                       lambda: application("thidua-antt"))
        main_window = window(app, "Thi đua ANTT")
        find_in(main_window, "push button", "Documents")

        for i, (member_id, name) in enumerate(members[:CAP]):
            step(f"the wizard nominates {name} ({i + 1}/{CAP})")
            wizard = nominate(app, main_window)
            find_containing(wizard, "label", f"{CAP - i}/{CAP} individual slots left")
            click_when_sensitive(wizard, "check box", name)
            click_when_sensitive(wizard, "push button", "Next")
            # The summary is filled in from the member's records of the phase.
            find_in(wizard, "push button", "Back")
            if i == 0:
                step("closing the wizard with a summary edited asks first; Cancel keeps it")
                summary = find_in(wizard, "text", "Summary of achievements")
                click_at(summary)
                wait_for("the summary to have the focus",
                         lambda: has_state(summary, Atspi.StateType.FOCUSED))
                Atspi.generate_keyboard_event(0xff57, None, Atspi.KeySynthType.SYM)  # End of line
                for key in (0x20, 0x2e):  # " ."
                    Atspi.generate_keyboard_event(key, None, Atspi.KeySynthType.SYM)
                time.sleep(0.2)
                Atspi.generate_keyboard_event(0xff1b, None, Atspi.KeySynthType.SYM)  # Escape
                question = window(app, "Discard the Nomination?")
                # libadwaita 1.2 names its response buttons "_Cancel Cancel", and
                # lays them out twice (side by side, stacked): either answers.
                click(wait_for("the Cancel button",
                               lambda: next((n for n in descendants(question)
                                             if n.get_role_name() == "push button" and
                                             n.get_name().endswith("Cancel")), None)))
                wait_for("the question to close",
                         lambda: all(not (w.get_name() == "Discard the Nomination?" and
                                          is_visible(w)) for w in toplevels(app)))
                assert is_visible(wizard), "the wizard closed with its input"
            click_when_sensitive(wizard, "push button", "Next")
            click_when_sensitive(wizard, "push button", "Create")
            wait_for("the wizard to close",
                     lambda: all(not (w.get_name() == "New Nomination" and is_visible(w))
                                 for w in toplevels(app)), timeout=10)

        step("the next nomination is blocked at the nominee step, with the message")
        wizard = nominate(app, main_window)
        find_containing(wizard, "label", f"0/{CAP} individual slots left")
        find_containing(wizard, "label", "No individual slot is left for this award")
        next_button = find_in(wizard, "push button", "Next")
        assert not has_state(next_button, Atspi.StateType.SENSITIVE), "Next is not blocked"
        assert find(wizard, "check box", members[CAP][1]) is None, \
            "the nominee list is offered at a full cap"
        # It offers to withdraw one of those proposed instead.
        find_in(wizard, "push button", f"Withdraw: {members[0][1]}")
        find_in(wizard, "push button", f"Withdraw: {members[1][1]}")
        click(find_in(wizard, "push button", "Back"))
    except AssertionError:
        if app is not None:
            print("# The accessibility tree when it failed:")
            dump(app)
        raise
    finally:
        proc.terminate()
        proc.wait(timeout=TIMEOUT)

    step("the data file holds the two nominations, and only them")
    db = sqlite3.connect(path)
    try:
        rows = db.execute("SELECT member_id, status, nominee_kind, summary FROM nominations"
                          " WHERE phase_id = ? AND award_level_id = ? ORDER BY id",
                          (phase, award)).fetchall()
        assert [(r[0], r[1], r[2]) for r in rows] == \
            [(m[0], "proposed", "individual") for m in members[:CAP]], rows
        for row in rows:
            assert "patrols" in row[3], f"the summary was not filled in: {row[3]!r}"
        # What was typed before the question is kept.
        assert " ." in rows[0][3], f"the typed text was lost: {rows[0][3]!r}"
        audited = db.execute("SELECT count(*) FROM audit_log WHERE table_name = 'nominations'"
                             " AND action = 'insert'").fetchone()[0]
        assert audited == CAP, f"{audited} nominations audited"
    finally:
        db.close()

    shutil.rmtree(workdir)
    print("1..1")
    print("ok 1 /e2e/wizard-fills-the-cap")


if __name__ == "__main__":
    main()
