/*
 * Test-only: holds a file open the way a PDF viewer, an antivirus scan or a
 * backup tool does on Windows: read access, sharing reads and writes but
 * not deletion (no FILE_SHARE_DELETE), so the file cannot be replaced or
 * renamed over while it is held. Used by .ci/windows under Wine to check
 * that saving then fails cleanly, in French, with the file left whole.
 *
 *   holder.exe FILE SECONDS READY_FILE
 *
 * Opens FILE, creates READY_FILE once it holds it (so the test knows when
 * to save), sleeps SECONDS, then closes FILE and exits 0; exits 1 if FILE
 * cannot be opened.
 */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 4) {
        fwprintf(stderr, L"usage: holder FILE SECONDS READY_FILE\n");
        return 2;
    }
    HANDLE held = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE,
                              NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (held == INVALID_HANDLE_VALUE) {
        fwprintf(stderr, L"holder: cannot open %ls (error %lu)\n", argv[1], GetLastError());
        return 1;
    }
    HANDLE ready = CreateFileW(argv[3], GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                               FILE_ATTRIBUTE_NORMAL, NULL);
    if (ready != INVALID_HANDLE_VALUE)
        CloseHandle(ready);
    Sleep((DWORD)(_wtoi(argv[2]) * 1000));
    CloseHandle(held);
    return 0;
}
