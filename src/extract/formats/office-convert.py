# One LibreOffice kept running for many conversions (office-server.ts starts this, one per Node process).
#
# Why Python, and why written here: a `soffice --convert-to` costs ≈ 5 s of CPU per file, nearly all of it LibreOffice
# starting; a running office converts a file in a fraction of that. Only UNO, LibreOffice's component bridge, can ask
# a running office to convert, and Node has no UNO client; LibreOffice ships one for Python (Debian's python3-uno).
# unoserver, the maintained library doing this, is neither in Debian 12 nor reachable (PyPI); Debian's unoconv is
# deprecated and starts a Python per file. So this script: a few dozen lines of plain UNO calls.
#
# Usage: office-convert.py SOFFICE_BIN PROFILE_URL PIPE_NAME PARENT_PID
# Reads one JSON request per line on stdin ({"in": path, "out": path, "filter": name}) and answers one JSON line each
# ({"ok": true} or {"ok": false, "error": text, "dead": bool}), after a first {"ready": true}. It exits when stdin
# closes, and dies with its parent (PR_SET_PDEATHSIG), the office with it: a killed crawl or extraction worker leaves
# no LibreOffice behind.
import ctypes
import json
import os
import signal
import subprocess
import sys
import time

PR_SET_PDEATHSIG = 1
LIBC = ctypes.CDLL(None, use_errno=True)
# LibreOffice's exit code asking to be started again: it made a new profile (oosplash restarts it; this script does).
RESTART = 81


def die_with_parent():
    LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def reply(message):
    sys.stdout.write(json.dumps(message) + '\n')
    sys.stdout.flush()


soffice_bin, profile_url, pipe_name, parent_pid = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
die_with_parent()
if os.getppid() != parent_pid:  # the parent died before the line above
    sys.exit(0)

import uno  # noqa: E402 (after the parent check: importing UNO loads LibreOffice's libraries)
from com.sun.star.beans import PropertyValue  # noqa: E402


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start_office():
    return subprocess.Popen(
        [soffice_bin, f'-env:UserInstallation={profile_url}', '--headless', '--invisible', '--norestore', '--nologo',
         '--nodefault', '--nolockcheck', f'--accept=pipe,name={pipe_name};urp;StarOffice.ComponentContext'],
        preexec_fn=die_with_parent, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop_office(office):
    office.terminate()
    try:
        office.wait(5)
    except subprocess.TimeoutExpired:
        office.kill()
        office.wait()


office = start_office()
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
context = None
while context is None:
    try:
        context = resolver.resolve(f'uno:pipe,name={pipe_name};urp;StarOffice.ComponentContext')
    except Exception:  # not listening yet
        code = office.poll()
        if code == RESTART:
            office = start_office()
        elif code is not None:
            reply({'ok': False, 'error': f'LibreOffice exited with code {code} while starting', 'dead': True})
            sys.exit(1)
        time.sleep(0.05)
desktop = context.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', context)
reply({'ready': True})

# Documents come from the web: never run their macros, never update their links.
LOAD = (prop('Hidden', True), prop('ReadOnly', True), prop('MacroExecutionMode', 0), prop('UpdateDocMode', 0))
for line in sys.stdin:
    request = json.loads(line)
    try:
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(request['in']), '_blank', 0, LOAD)
        if document is None:
            raise RuntimeError('LibreOffice could not open the file')
        try:
            document.storeToURL(uno.systemPathToFileUrl(request['out']), (prop('FilterName', request['filter']),))
        finally:
            document.close(True)
        reply({'ok': True})
    except Exception as err:  # a UNO error of this file; the office may be gone with it
        dead = office.poll() is not None
        reply({'ok': False, 'error': f'{type(err).__name__}: {err}', 'dead': dead})
        if dead:
            sys.exit(1)
stop_office(office)
