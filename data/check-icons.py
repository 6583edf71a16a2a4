#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the application icons: well-formed SVG with the expected canvas
# (128×128 for the full-colour icon, 16×16 for "-symbolic" ones), symbolic
# icons in the single foreground colour only, and, when a renderer is
# installed, that librsvg really loads them at that size.
#
# Usage: check-icons.py ICON.svg...

import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

SVG_NS = '{http://www.w3.org/2000/svg}'
SYMBOLIC_COLOUR = '#2e3436'
COLOUR_ATTRS = ('fill', 'stroke', 'stop-color', 'color')


def parse_length(value):
    match = re.fullmatch(r'\s*([0-9.]+)\s*(px)?\s*', value or '')
    return float(match.group(1)) if match else None


def colours(element):
    for attr in COLOUR_ATTRS:
        if attr in element.attrib:
            yield element.attrib[attr]
    for decl in element.attrib.get('style', '').split(';'):
        name, _, value = decl.partition(':')
        if name.strip() in COLOUR_ATTRS:
            yield value


def png_size(path):
    data = Path(path).read_bytes()[:24]
    if len(data) < 24 or data[:8] != b'\x89PNG\r\n\x1a\n':
        return None
    return struct.unpack('>II', data[16:24])


def render(path, size, workdir):
    out = Path(workdir) / 'icon.png'
    if shutil.which('rsvg-convert'):
        cmd = ['rsvg-convert', '-w', str(size), '-h', str(size),
               '-o', str(out), str(path)]
    elif shutil.which('gdk-pixbuf-thumbnailer'):
        cmd = ['gdk-pixbuf-thumbnailer', '-s', str(size), str(path), str(out)]
    else:
        return None
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return f'{cmd[0]} failed: {proc.stderr.strip()}'
    if png_size(out) != (size, size):
        return f'{cmd[0]} did not produce a {size}×{size} PNG'
    return ''


def check(path, workdir):
    errors = []
    symbolic = path.name.endswith('-symbolic.svg')
    size = 16 if symbolic else 128

    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        return [f'not well-formed XML: {e}']

    if root.tag != SVG_NS + 'svg':
        errors.append(f'root element is {root.tag}, not an SVG <svg>')

    viewbox = root.get('viewBox', '')
    try:
        numbers = [float(n) for n in re.split(r'[\s,]+', viewbox.strip())]
    except ValueError:
        numbers = []
    if numbers != [0, 0, size, size]:
        errors.append(f'viewBox is "{viewbox}", expected "0 0 {size} {size}"')

    for attr in ('width', 'height'):
        if attr in root.attrib and parse_length(root.get(attr)) != size:
            errors.append(f'{attr} is "{root.get(attr)}", expected {size}')

    if symbolic:
        for element in root.iter():
            tag = element.tag.replace(SVG_NS, '')
            if tag in ('image', 'linearGradient', 'radialGradient', 'text'):
                errors.append(f'symbolic icon contains <{tag}>')
            for colour in colours(element):
                colour = colour.strip().lower()
                if colour not in (SYMBOLIC_COLOUR, 'none'):
                    errors.append(f'symbolic icon uses colour "{colour}"')

    if not errors:
        result = render(path, size, workdir)
        if result:
            errors.append(result)
        elif result is None:
            print(f'{path.name}: no SVG renderer found, checked the XML only')

    return errors


def main(argv):
    if len(argv) < 2:
        print(f'usage: {argv[0]} ICON.svg...', file=sys.stderr)
        return 2

    failed = False
    with tempfile.TemporaryDirectory() as workdir:
        for arg in argv[1:]:
            path = Path(arg)
            errors = check(path, workdir)
            for error in errors:
                print(f'{path.name}: {error}', file=sys.stderr)
            if errors:
                failed = True
            else:
                print(f'{path.name}: ok')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
