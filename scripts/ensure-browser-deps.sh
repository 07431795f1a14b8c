#!/usr/bin/env bash
# Debian's Chromium for the browser tests (test/browser, driven by playwright-core with executablePath
# /usr/bin/chromium; never `npx playwright install`, whose downloads are blocked here), with fonts for screenshots.
exec "$(dirname "$0")/ensure-debian-packages.sh" chromium fonts-liberation fonts-dejavu-core
