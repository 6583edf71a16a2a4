#!/usr/bin/python3
# End-to-end: the real program on a new data file, driven through its
# accessibility tree (AT-SPI) the way a user clicks and types: add a village,
# a team, a member, and an incident that the member took part in on time;
# then read the data file with sqlite3.
#
#   test-e2e.py PROGRAM
#
# Run inside an X server and a D-Bus session (meson.build wraps it in
# xvfb-run and dbus-run-session). Every control it touches is found by its
# role and accessible name, as a screen reader would find it.
#
# Copyright 2026 The Thi đua ANTT authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sqlite3
import sys
import tempfile

from atspi_driver import (TIMEOUT, application, click, descendants, dump, find_in,
                          is_visible, program_env, start, step, toplevels,
                          type_into, wait_for, window)

TODAY = "2025-02-10"


def save(app, form_title):
    form = window(app, form_title)
    click(find_in(form, "push button", "Save"))
    # The form closes once the core took the record; else it says why.
    try:
        wait_for(f"{form_title!r} to close",
                 lambda: all(w.get_name() != form_title for w in toplevels(app)),
                 timeout=10)
    except AssertionError:
        for node in descendants(form):
            if node.get_role_name() in ("label", "alert") and is_visible(node):
                print(f"# {form_title}: {node.get_name()}")
        raise


def main():
    program = os.path.abspath(sys.argv[1])
    workdir = tempfile.mkdtemp(prefix="antt-e2e-")
    path = os.path.join(workdir, "thidua-antt.db")
    env = program_env(TODAY)
    proc = start(program, path, env)
    app = None

    try:
        step("the window opens on a new data file")
        app = wait_for("the application on the accessibility bus",
                       lambda: application("thidua-antt"))
        main_window = window(app, "Thi đua ANTT")

        step("Teams › Villages: add a village")
        click(find_in(main_window, "page tab", "Teams"))
        click(find_in(main_window, "page tab", "Villages"))
        click(find_in(main_window, "push button", "New village"))
        form = window(app, "New village")
        type_into(find_in(form, "text", "Name"), "Thôn Đồng Tâm")
        save(app, "New village")

        step("Teams › Teams: add a team")
        click(find_in(main_window, "page tab", "Teams"))
        click(find_in(main_window, "push button", "New team"))
        form = window(app, "New team")
        type_into(find_in(form, "text", "Name"), "Tổ bảo vệ ANTT thôn Đồng Tâm")
        save(app, "New team")

        step("Teams › Members: add a member of that team")
        click(find_in(main_window, "page tab", "Members"))
        click(find_in(main_window, "push button", "New member"))
        form = window(app, "New member")
        type_into(find_in(form, "text", "Full name"), "Nguyễn Văn Đức")
        type_into(find_in(form, "text", "Date of birth"), "04/03/1985")
        type_into(find_in(form, "text", "ID number"), "038085012345")
        type_into(find_in(form, "text", "Phone"), "0912 345 678")
        save(app, "New member")

        step("Incidents: add an incident the member took part in, on time")
        click(find_in(main_window, "page tab", "Incidents"))
        click(find_in(main_window, "push button", "New incident"))
        form = window(app, "New incident")
        type_into(find_in(form, "text", "Title"), "Gây rối trật tự tại chợ Đồng Tâm")
        type_into(find_in(form, "text", "Time"), "20:15")
        click(find_in(form, "check box", "Nguyễn Văn Đức"))
        click(find_in(form, "check box", "On time: Nguyễn Văn Đức"))
        save(app, "New incident")

        step("the incident is listed")
        find_in(main_window, "label", "Gây rối trật tự tại chợ Đồng Tâm")

        step("the list reads well: its rows, cells and headings are named, none by a class")
        table = find_in(main_window, "tree table", "List of incident records")
        find_in(table, "table row", "Gây rối trật tự tại chợ Đồng Tâm")
        find_in(table, "table cell", "Gây rối trật tự tại chợ Đồng Tâm")
        unnamed = [f"{n.get_role_name()} {n.get_name()!r}" for n in descendants(table)
                   if n.get_role_name() in ("table row", "table cell", "label", "list")
                   and is_visible(n)
                   and (not n.get_name() or n.get_name().startswith(("Gtk", "Adw")))]
        assert not unnamed, f"named by their class: {unnamed}"
        for heading in ("Date", "Title", "Taking part"):
            find_in(table, "filler", heading)
    except AssertionError:
        if app is not None:
            print("# The accessibility tree when it failed:")
            dump(app)
        raise
    finally:
        proc.terminate()
        proc.wait(timeout=TIMEOUT)

    step("the data file holds what was entered")
    db = sqlite3.connect(path)
    try:
        village, = db.execute("SELECT id FROM villages WHERE name = 'Thôn Đồng Tâm'").fetchone()
        team, = db.execute("SELECT id FROM teams WHERE name = 'Tổ bảo vệ ANTT thôn Đồng Tâm'").fetchone()
        member = db.execute("SELECT id, birth_date, id_number, phone, team_id, village_id,"
                            " joined_date FROM members WHERE full_name = 'Nguyễn Văn Đức'").fetchone()
        assert member is not None, "the member was not saved"
        assert member[1:] == ("1985-03-04", "038085012345", "0912345678", team, village, TODAY), member
        incident = db.execute("SELECT id, occurred_date, occurred_time FROM incidents"
                              " WHERE title = 'Gây rối trật tự tại chợ Đồng Tâm'").fetchone()
        assert incident is not None, "the incident was not saved"
        assert incident[1:] == (TODAY, "20:15"), incident
        taking_part = db.execute("SELECT member_id, on_time FROM incident_participants"
                                 " WHERE incident_id = ?", (incident[0],)).fetchall()
        assert taking_part == [(member[0], 1)], taking_part
        audited = db.execute("SELECT count(*) FROM audit_log WHERE action = 'insert'").fetchone()[0]
        assert audited >= 5, f"only {audited} inserts audited"
    finally:
        db.close()

    shutil.rmtree(workdir)
    print("1..1")
    print("ok 1 /e2e/village-team-member-incident")


if __name__ == "__main__":
    main()
