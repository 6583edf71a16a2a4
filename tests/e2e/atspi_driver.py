# atspi_driver.py: what the end-to-end tests do to the real program through
# its accessibility tree (AT-SPI), as a user would: find controls by role and
# name, click them, type into them, wait for windows. Imported by each
# tests/e2e/test-*.py, which Python finds beside this file.
#
# Copyright 2026 The Thi đua ANTT authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time
import warnings

# G_DEBUG=fatal-warnings is for the program under test; in this driver it would
# turn AT-SPI's warning about an application still registering its objects (seen
# with slow, sanitized builds) into a crash of the test itself.
APP_G_DEBUG = os.environ.pop("G_DEBUG", None)

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402,F401

warnings.simplefilter("ignore", DeprecationWarning)

TIMEOUT = 30

step_number = 0


def program_env(today, **extra):
    """The environment of the program under test: X11 with Cairo, AT-SPI on,
    settings in memory, a fixed day, and the G_DEBUG the test was given."""
    env = dict(os.environ,
               GDK_BACKEND="x11", GSK_RENDERER="cairo", GTK_A11Y="atspi",
               GSETTINGS_BACKEND="memory", ANTT_TODAY=today, LC_ALL="C.UTF-8",
               **extra)
    env.pop("NO_AT_BRIDGE", None)
    if APP_G_DEBUG:
        env["G_DEBUG"] = APP_G_DEBUG
    return env


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


def has_state(node, state):
    return node.get_state_set().contains(state)


def is_visible(node):
    return has_state(node, Atspi.StateType.VISIBLE)


def find(root, role, name, index=0):
    matches = [n for n in descendants(root)
               if n.get_role_name() == role and n.get_name() == name and is_visible(n)]
    return matches[index] if len(matches) > index else None


def find_in(root, role, name):
    return wait_for(f"{role} {name!r}", lambda: find(root, role, name))


def find_containing(root, role, text):
    return wait_for(f"{role} containing {text!r}",
                    lambda: next((n for n in descendants(root)
                                  if n.get_role_name() == role and is_visible(n) and
                                  text in (n.get_name() or "")), None))


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


def toplevels(app):
    for i in range(app.get_child_count()):
        child = app.get_child_at_index(i)
        if child is not None:
            yield child


def window(app, title):
    return wait_for(f"window {title!r}",
                    lambda: next((w for w in toplevels(app)
                                  if w.get_role_name() in ("frame", "dialog") and
                                  w.get_name() == title and is_visible(w)), None))


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


def click_when_sensitive(root, role, name):
    node = find_in(root, role, name)
    wait_for(f"{name!r} to be sensitive",
             lambda: has_state(node, Atspi.StateType.SENSITIVE))
    click(node)
    return node


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
