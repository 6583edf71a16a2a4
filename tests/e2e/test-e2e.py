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
import subprocess
import sys
import tempfile
import time
import warnings

# G_DEBUG=fatal-warnings is for the program under test; in this driver it would
# turn AT-SPI's warning about an application still registering its objects (seen
# with slow, sanitized builds) into a crash of the test itself.
APP_G_DEBUG = os.environ.pop("G_DEBUG", None)

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

warnings.simplefilter("ignore", DeprecationWarning)

TIMEOUT = 30
TODAY = "2025-02-10"

step_number = 0


def step(text):
    global step_number
    step_number += 1
    print(f"# {step_number}. {text}", flush=True)


def wait_for(what, probe, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = probe()
        except gi.repository.GLib.GError:
            found = None
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def descendants(node, depth=0):
    if node is None or depth > 60:
        return
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is None:
            continue
        yield child
        yield from descendants(child, depth + 1)


def is_visible(node):
    states = node.get_state_set()
    return states.contains(Atspi.StateType.VISIBLE)


def find(root, role, name, index=0):
    matches = [n for n in descendants(root)
               if n.get_role_name() == role and n.get_name() == name and is_visible(n)]
    return matches[index] if len(matches) > index else None


def find_in(root, role, name):
    return wait_for(f"{role} {name!r}", lambda: find(root, role, name))


def dump(root, depth=0, out=sys.stdout):
    for i in range(root.get_child_count()):
        child = root.get_child_at_index(i)
        if child is None:
            continue
        if is_visible(child):
            print("#" + "  " * depth + f" {child.get_role_name()} {child.get_name()!r}", file=out)
        dump(child, depth + 1, out)


def application(name):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == name:
            return app
    return None


def window(app, title):
    return wait_for(f"window {title!r}",
                    lambda: next((w for w in descendants_shallow(app)
                                  if w.get_role_name() in ("frame", "dialog") and
                                  w.get_name() == title), None))


def descendants_shallow(app):
    for i in range(app.get_child_count()):
        child = app.get_child_at_index(i)
        if child is not None:
            yield child


def click(node):
    """Presses a control: its own action where it has one, else the mouse."""
    name = node.get_name()
    if "Action" in node.get_interfaces():
        action = node.get_action_iface()
        for i in range(action.get_n_actions()):
            if action.get_action_name(i) in ("click", "activate", "press", "toggle"):
                assert action.do_action(i), f"cannot press {name!r}"
                return
    click_at(node)


def extents(node):
    return node.get_component_iface().get_extents(Atspi.CoordType.WINDOW)


def toplevel(node):
    while node.get_role_name() not in ("frame", "dialog", "window"):
        node = node.get_parent()
    return node


def scroll_into_view(node):
    """Turns the mouse wheel over the window, as a user would, until @node
    is inside it."""
    window = extents(toplevel(node))
    for _ in range(40):
        box = extents(node)
        if box.y >= 60 and box.y + box.height <= window.height - 10:
            return
        Atspi.generate_mouse_event(window.width // 2, window.height // 2,
                                   "b5c" if box.y + box.height > window.height - 10 else "b4c")
        time.sleep(0.1)
    raise AssertionError(f"cannot scroll to {node.get_name()!r}")


def click_at(node):
    # GTK 4 knows positions within its windows only; with no window manager
    # in the test's X server, each window sits at the screen's corner.
    scroll_into_view(node)
    box = extents(node)
    assert box.width > 0 and box.height > 0, f"{node.get_name()!r} is not on screen"
    Atspi.generate_mouse_event(box.x + box.width // 2, box.y + box.height // 2, "b1c")


def press(keysym):
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)


def type_into(node, text):
    """Types @text into an empty text field, as a user would: click in it and
    type, key by key."""
    name = node.get_name()
    assert "EditableText" in node.get_interfaces(), f"{name!r} takes no text"
    click_at(node)
    # GTK 4.8 does not report the focus over AT-SPI: give the click a moment.
    time.sleep(0.3)
    for char in text:
        # Letters outside the keyboard map (Vietnamese ones) are typed by
        # their Unicode keysym, on a key the X server maps for each: slowly
        # enough that the key is not remapped before the letter arrives.
        if ord(char) < 0x80:
            press(ord(char))
            time.sleep(0.01)
        else:
            # The key is remapped for this letter: let the previous key and
            # the remap reach the program first (sanitized builds are slow).
            time.sleep(0.2)
            press(0x1000000 + ord(char))
            time.sleep(0.4)
    # GTK 4.8 does not give the text of these fields over AT-SPI either:
    # the data file, read at the end, shows what arrived.
    time.sleep(0.2)


def save(app, form_title):
    form = window(app, form_title)
    click(find_in(form, "push button", "Save"))
    # The form closes once the core took the record; else it says why.
    try:
        wait_for(f"{form_title!r} to close",
                 lambda: all(w.get_name() != form_title for w in descendants_shallow(app)),
                 timeout=10)
    except AssertionError:
        for node in descendants(form):
            if node.get_role_name() in ("label", "alert") and is_visible(node):
                print(f"# {form_title}: {node.get_name()}")
        raise


def start(program, path, env):
    """Starts the program; again if the X server was not quite ready."""
    for attempt in range(5):
        proc = subprocess.Popen([program, "--database", path], env=env)
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return proc
        print(f"# the program exited ({proc.returncode}); starting it again", flush=True)
        time.sleep(1)
    raise AssertionError("the program does not start")


def main():
    program = os.path.abspath(sys.argv[1])
    workdir = tempfile.mkdtemp(prefix="antt-e2e-")
    path = os.path.join(workdir, "thidua-antt.db")
    env = dict(os.environ,
               GDK_BACKEND="x11", GSK_RENDERER="cairo", GTK_A11Y="atspi",
               GSETTINGS_BACKEND="memory", ANTT_TODAY=TODAY, LC_ALL="C.UTF-8")
    env.pop("NO_AT_BRIDGE", None)
    if APP_G_DEBUG:
        env["G_DEBUG"] = APP_G_DEBUG
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
