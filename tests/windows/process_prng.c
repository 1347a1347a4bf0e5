/*
 * Test-only stand-in for Windows' bcryptprimitives.dll, for Wine 8 (CI).
 *
 * Rust's standard library (1.78 and later) draws its random numbers from
 * ProcessPrng in bcryptprimitives.dll, which Windows 10 and 11 have and
 * Wine 8 lacks: without it no Rust program starts under Wine 8. This DLL
 * exports ProcessPrng by calling RtlGenRandom (advapi32's
 * SystemFunction036). .ci/windows copies it into the Wine prefix's
 * system32, never beside the programs: it is not part of any package.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
