; Dossier Cluster: the Windows installer (NSIS 3, Unicode).
;
; Built by .github/workflows/release.yml:
;   makensis /DVERSION=1.2.3 /DSRCDIR=<folder with the two .exe> /DOUTFILE=<setup.exe> installer.nsi
; SRCDIR holds cluster-dossier-gui.exe (the wizard, no console window),
; cluster-dossier.exe (the commands, for a terminal), LICENSE and README.md.
;
; Installs for the current user only (no administrator rights: a secretary's
; laptop is often managed by someone else), into
; %LOCALAPPDATA%\Programs\Dossier Cluster, with a Start menu and a desktop
; shortcut, and opens dossier files (.ron) on a double click.

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef SRCDIR
  !define SRCDIR "."
!endif
!ifndef OUTFILE
  !define OUTFILE "cluster-dossier-${VERSION}-windows-x64-setup.exe"
!endif

!define APPNAME "Dossier Cluster"
!define PROGID "ClusterDossier.Dossier"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ClusterDossier"
!define ICONFILE "cluster-dossier.ico"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1036 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=1036 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "FileDescription" "Installation de ${APPNAME}"
VIAddVersionKey /LANG=1036 "LegalCopyright" "The Dossier Cluster authors (MIT)"

!include "MUI2.nsh"

!define MUI_ICON "${ICONFILE}"
!define MUI_UNICON "${ICONFILE}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\cluster-dossier-gui.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Lancer ${APPNAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${SRCDIR}\LICENSE"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "French"

Section "Dossier Cluster" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${SRCDIR}\cluster-dossier-gui.exe"
  File "${SRCDIR}\cluster-dossier.exe"
  File "${SRCDIR}\LICENSE"
  File "${SRCDIR}\README.md"
  File "${ICONFILE}"
  WriteUninstaller "$INSTDIR\desinstaller.exe"

  CreateShortCut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\cluster-dossier-gui.exe" "" "$INSTDIR\${ICONFILE}" 0
  CreateShortCut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\cluster-dossier-gui.exe" "" "$INSTDIR\${ICONFILE}" 0

  ; The document type: our ProgID, offered for .ron files in « Ouvrir avec »
  ; (OpenWithProgids), and the default for .ron only if no other program
  ; has claimed the extension: other .ron files are not ours to take.
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Dossier de candidature cluster"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${ICONFILE},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open" "" "Ouvrir avec ${APPNAME}"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\cluster-dossier-gui.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}" ""
  ReadRegStr $0 HKCR ".ron" ""
  StrCmp $0 "" 0 +2
    WriteRegStr HKCU "Software\Classes\.ron" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\Applications\cluster-dossier-gui.exe\shell\open\command" "" '"$INSTDIR\cluster-dossier-gui.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\Applications\cluster-dossier-gui.exe\SupportedTypes" ".ron" ""
  ; Tell Explorer the associations changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; « Applications et fonctionnalités »: name, version, icon, uninstaller.
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "The Dossier Cluster authors"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${ICONFILE}"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\desinstaller.exe"'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  Delete "$INSTDIR\cluster-dossier-gui.exe"
  Delete "$INSTDIR\cluster-dossier.exe"
  Delete "$INSTDIR\LICENSE"
  Delete "$INSTDIR\README.md"
  Delete "$INSTDIR\${ICONFILE}"
  Delete "$INSTDIR\desinstaller.exe"
  ; Only removes the folder if empty: the user's dossiers are never deleted.
  RMDir "$INSTDIR"

  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegValue HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}"
  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegValue HKCU "Software\Classes\.ron" ""
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron"
  DeleteRegKey HKCU "Software\Classes\Applications\cluster-dossier-gui.exe"
  DeleteRegKey HKCU "${UNINSTKEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
