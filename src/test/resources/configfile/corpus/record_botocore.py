#!/usr/bin/env python3
"""Record what botocore's config loader makes of every input in this corpus.

Run by hand (never by the build):

    python3 src/test/resources/configfile/corpus/record_botocore.py

It reads every ``*.config`` file under this folder, feeds each one twice to
``botocore.configloader.load_config`` through a real temporary file (``lf``: the
bytes as stored; ``crlf``: every ``\\n`` not already preceded by ``\\r`` turned
into ``\\r\\n``), and writes ``botocore.json`` beside this script: sorted keys,
2-space indent, ASCII only (``\\uXXXX`` escapes), trailing newline.

For a readable file it records ``config``, the dict load_config returns. For an
unreadable one it records the underlying error's class, the 1-based line it
concerns and its message on one line (the temporary path replaced by
``<file>``). The line is the one configparser reports (for ``ParsingError`` the
first bad line), for ``UnicodeDecodeError`` the line holding the first invalid
byte, and for a ``ValueError`` from ``_parse_nested`` the line of the first
sub-property that has no ``=``.

Options: ``--corpus DIR`` (default: this folder) and ``--out FILE`` (default:
``DIR/botocore.json``) let the same recorder run over inputs kept elsewhere.
Refuses to run unless the locale's preferred encoding is UTF-8, because
botocore opens the file with that encoding.
"""

import argparse
import codecs
import configparser
import json
import locale
import os
import platform
import re
import sys
import tempfile

import botocore
import botocore.configloader
import botocore.exceptions

HERE = os.path.dirname(os.path.abspath(__file__))


def to_crlf(data):
    """Every LF not preceded by CR becomes CRLF; a lone CR stays."""
    return re.sub(rb"(?<!\r)\n", b"\r\n", data)


def one_line(text):
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def line_of_offset(data, offset):
    """1-based line of a byte offset; CRLF, lone CR and LF each end a line
    (Python's universal newlines, as configparser sees the file)."""
    head = data[:offset]
    breaks = head.count(b"\r\n")
    breaks += head.count(b"\r") - head.count(b"\r\n")
    breaks += head.count(b"\n") - head.count(b"\r\n")
    return breaks + 1


class _LineCounter:
    """Iterates a text file and remembers the number of the line last read."""

    def __init__(self, fp):
        self._fp = fp
        self.lineno = 0

    def __iter__(self):
        for line in self._fp:
            self.lineno += 1
            yield line


class _TrackedList(list):
    """A value's lines as configparser collects them, with their line numbers."""

    def __init__(self, items, counter):
        super().__init__(items)
        self.counter = counter
        self.linenos = [counter.lineno] * len(items)

    def append(self, item):
        super().append(item)
        self.linenos.append(self.counter.lineno)


def _tracking_dict_type(counter):
    class TrackingDict(dict):
        """Section dict that keeps, per option, the line of each value line."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.linenos = {}

        def __setitem__(self, key, value):
            if isinstance(value, list) and not isinstance(value, _TrackedList):
                value = _TrackedList(value, counter)
                self.linenos[key] = value.linenos
            super().__setitem__(key, value)

    return TrackingDict


def nested_error_line(path, encoding):
    """Line of the first sub-property line without '=' that makes
    botocore's _parse_nested fail, found by re-reading the file with the
    same configparser settings and the same section/option order as
    botocore.configloader.raw_config_parse."""
    with open(path, encoding=encoding) as fp:
        counter = _LineCounter(fp)
        cp = configparser.RawConfigParser(dict_type=_tracking_dict_type(counter))
        cp.read_file(counter, path)
    for section in cp.sections():
        for option in cp.options(section):
            value = cp.get(section, option)
            if not value.startswith("\n"):
                continue
            try:
                botocore.configloader._parse_nested(value)
                continue
            except ValueError:
                pass
            own = cp._sections[section]
            linenos = (own if option in own else cp._defaults).linenos[option]
            # Rebuild the value line by line: each collected element came from
            # one file line; str.splitlines may cut an element further.
            elements = value.split("\n")
            for index, element in enumerate(elements):
                for piece in element.splitlines():
                    piece = piece.strip()
                    if piece and "=" not in piece:
                        return linenos[index]
            raise AssertionError("no bad sub-property line in %r" % value)
    raise AssertionError("no nested value fails in %s" % path)


def describe_error(error, data, path, encoding):
    kind = type(error).__name__
    message = one_line(str(error).replace(path, "<file>"))
    if isinstance(error, UnicodeDecodeError):
        try:
            data.decode(encoding)
            raise AssertionError("bytes decode as a whole but not as a file")
        except UnicodeDecodeError as whole:
            offset = whole.start
        line = line_of_offset(data, offset)
        # The decoder's own offset is within one read chunk, so it is
        # replaced by the byte and its offset in the file.
        message = "'%s' codec can't decode byte 0x%02x at file offset %d: %s" % (
            error.encoding, data[offset], offset, error.reason)
    elif isinstance(error, configparser.MissingSectionHeaderError):
        line = error.lineno  # a subclass of ParsingError with no errors list
    elif isinstance(error, configparser.ParsingError):
        line = error.errors[0][0]
    elif isinstance(error, (configparser.DuplicateSectionError,
                            configparser.DuplicateOptionError)):
        line = error.lineno
    elif isinstance(error, ValueError):
        line = nested_error_line(path, encoding)
    else:
        raise AssertionError("unexpected error %r" % (error,))
    return {"type": kind, "line": line, "message": message}


def record(data, encoding):
    fd, path = tempfile.mkstemp(suffix=".config")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        try:
            config = botocore.configloader.load_config(path)
        except botocore.exceptions.ConfigParseError as wrapped:
            error = wrapped.kwargs["error"]
            return {"readable": False,
                    "error": describe_error(error, data, path, encoding)}
        return {"readable": True, "config": config}
    finally:
        os.unlink(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=HERE)
    parser.add_argument("--out")
    args = parser.parse_args()
    corpus = os.path.abspath(args.corpus)
    out = args.out or os.path.join(corpus, "botocore.json")

    encoding = locale.getpreferredencoding(False)
    if codecs.lookup(encoding).name != "utf-8":
        sys.exit("record_botocore: the locale's encoding is %s, not UTF-8; "
                 "run with LANG=C.UTF-8" % encoding)

    cases = {}
    for root, dirs, files in os.walk(corpus):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".config"):
                continue
            full = os.path.join(root, name)
            key = os.path.relpath(full, corpus).replace(os.sep, "/")
            with open(full, "rb") as fp:
                data = fp.read()
            cases[key] = {"lf": record(data, encoding),
                          "crlf": record(to_crlf(data), encoding)}

    result = {
        "recorder": {
            "botocore": botocore.__version__,
            "python": platform.python_version(),
            "locale_encoding": encoding,
        },
        "cases": cases,
    }
    with open(out, "w", encoding="ascii", newline="\n") as fp:
        json.dump(result, fp, indent=2, sort_keys=True, ensure_ascii=True)
        fp.write("\n")
    readable = {v: sum(c[v]["readable"] for c in cases.values())
                for v in ("lf", "crlf")}
    print("%d inputs; readable lf %d, crlf %d; wrote %s"
          % (len(cases), readable["lf"], readable["crlf"], out))


if __name__ == "__main__":
    main()
