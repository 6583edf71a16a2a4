#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifest: valid JSON, the right application id and
# command, and no network access, neither for the app (the data of the
# emulation movement never leaves the office PC) nor while building.
#
# Usage: check-manifest.py MANIFEST.json [APP_ID]

import json
import sys


def build_args(node):
    """Yields every build-options "build-args" list in the manifest."""
    if isinstance(node, dict):
        options = node.get('build-options')
        if isinstance(options, dict):
            yield from options.get('build-args', [])
            for arch in options.get('arch', {}).values():
                yield from arch.get('build-args', [])
        for value in node.values():
            yield from build_args(value)
    elif isinstance(node, list):
        for value in node:
            yield from build_args(value)


def main(argv):
    if len(argv) not in (2, 3):
        print(f'usage: {argv[0]} MANIFEST.json [APP_ID]', file=sys.stderr)
        return 2

    try:
        with open(argv[1], encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f'{argv[1]}: {e}', file=sys.stderr)
        return 1

    errors = []
    app_id = manifest.get('id', manifest.get('app-id'))
    if len(argv) == 3 and app_id != argv[2]:
        errors.append(f'id is {app_id!r}, expected {argv[2]!r}')
    if manifest.get('command') != 'thidua-antt':
        errors.append(f'command is {manifest.get("command")!r}, expected \'thidua-antt\'')

    finish_args = manifest.get('finish-args', [])
    if '--share=network' in finish_args:
        errors.append('finish-args must not contain --share=network')
    if '--share=network' in build_args(manifest):
        errors.append('build-args must not contain --share=network')

    modules = manifest.get('modules', [])
    app_module = modules[-1] if modules else None
    if not isinstance(app_module, dict) or app_module.get('buildsystem') != 'meson':
        errors.append('the last module must be the app, built with meson')

    for error in errors:
        print(f'{argv[1]}: {error}', file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
