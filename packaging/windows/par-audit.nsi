; par-audit.nsi - the Windows installer (NSIS 3, Debian's `nsis`), built by
; scripts/make-windows-installer.sh:  makensis -DVERSION=x.y.z -DSTAGE=<install tree> -DOUTFILE=<exe>
; Vietnamese first, English second. Per-user (default, no administrator rights) or per-machine;
; Start-menu entries; optionally the command line on PATH; "Open with par-audit" for XML files
; (audit, plan and response files are *.xml: Windows associates by the last extension only, so
; par-audit is offered in "Open with" instead of taking .xml over); an uninstaller.
; HAVE_GUI defined when the app was built (its shortcut, "Open with", the finish page).
; Silent: setup.exe /S [/CurrentUser|/AllUsers] [/D=C:\folder]   (/D last, no quotes)
Target amd64-unicode   ; a 64-bit installer (runs under Debian's 64-bit Wine, no 32-bit Wine needed)
SetCompressor /SOLID lzma
RequestExecutionLevel user

!define APP "par-audit"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\par-audit"
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_INSTALLMODE_INSTDIR "par-audit"
!define MULTIUSER_USE_PROGRAMFILES64
!include MultiUser.nsh
!include MUI2.nsh
!include x64.nsh
!include WinMessages.nsh

Name "par-audit ${VERSION}"
OutFile "${OUTFILE}"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES

!insertmacro MUI_PAGE_LICENSE "${STAGE}\share\doc\par-audit\LICENSE"
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!ifdef HAVE_GUI
!define MUI_FINISHPAGE_RUN "$INSTDIR\bin\par-audit-gui.exe"
!endif
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default: Vietnamese.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

LangString SecApp ${LANG_VIETNAMESE} "par-audit (chương trình và dữ liệu)"
LangString SecApp ${LANG_ENGLISH} "par-audit (programs and data)"
LangString SecPath ${LANG_VIETNAMESE} "Thêm lệnh par-audit vào PATH (dòng lệnh)"
LangString SecPath ${LANG_ENGLISH} "Add the par-audit command to PATH (command line)"
LangString SecOpenWith ${LANG_VIETNAMESE} "Mở tệp kiểm tra, kế hoạch, báo cáo (.xml) bằng par-audit"
LangString SecOpenWith ${LANG_ENGLISH} "Open audit, plan and response files (.xml) with par-audit"
LangString LnkApp ${LANG_VIETNAMESE} "par-audit — Kiểm tra cải cách hành chính"
LangString LnkApp ${LANG_ENGLISH} "par-audit — PAR inspection"
LangString LnkGuide ${LANG_VIETNAMESE} "Hướng dẫn sử dụng"
LangString LnkGuide ${LANG_ENGLISH} "User guide (Vietnamese)"
LangString LnkUninst ${LANG_VIETNAMESE} "Gỡ cài đặt par-audit"
LangString LnkUninst ${LANG_ENGLISH} "Uninstall par-audit"
LangString FileType ${LANG_VIETNAMESE} "Tệp par-audit"
LangString FileType ${LANG_ENGLISH} "par-audit file"

Function .onInit
  ; A folder given with /D= wins over the install mode's default folder.
  StrCpy $R9 $INSTDIR
  !insertmacro MULTIUSER_INIT
  StrCmp $R9 "" +2
    StrCpy $INSTDIR $R9
  ; Vietnamese first: preselected in the language choice (and used by a silent install), whatever
  ; the language of Windows; English on request.
  StrCpy $LANGUAGE ${LANG_VIETNAMESE}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd
Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "!$(SecApp)" SEC_APP
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${STAGE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\par-audit"
!ifdef HAVE_GUI
  CreateShortCut "$SMPROGRAMS\par-audit\$(LnkApp).lnk" "$INSTDIR\bin\par-audit-gui.exe" "" "$INSTDIR\bin\par-audit-gui.exe" 0
!endif
  CreateShortCut "$SMPROGRAMS\par-audit\$(LnkGuide).lnk" "$INSTDIR\share\doc\par-audit\huong-dan-su-dung.md"
  CreateShortCut "$SMPROGRAMS\par-audit\$(LnkUninst).lnk" "$INSTDIR\uninstall.exe"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "par-audit ${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\bin\par-audit.exe"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "par-audit"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S /$MultiUser.InstallMode'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
SectionEnd

!ifdef HAVE_GUI
Section "$(SecOpenWith)" SEC_OPENWITH
  WriteRegStr SHCTX "Software\Classes\par-audit.file" "" "$(FileType)"
  WriteRegStr SHCTX "Software\Classes\par-audit.file\DefaultIcon" "" "$INSTDIR\bin\par-audit-gui.exe,0"
  WriteRegStr SHCTX "Software\Classes\par-audit.file\shell\open\command" "" '"$INSTDIR\bin\par-audit-gui.exe" "%1"'
  WriteRegStr SHCTX "Software\Classes\.xml\OpenWithProgids" "par-audit.file" ""
  WriteRegStr SHCTX "Software\Classes\Applications\par-audit-gui.exe\shell\open\command" "" '"$INSTDIR\bin\par-audit-gui.exe" "%1"'
  WriteRegStr SHCTX "Software\Classes\Applications\par-audit-gui.exe\SupportedTypes" ".xml" ""
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
!endif

Section /o "$(SecPath)" SEC_PATH
  ; Appends $INSTDIR\bin to the user's (or, per machine, the system's) Path.
  StrCmp $MultiUser.InstallMode "AllUsers" 0 +3
    ReadRegStr $0 HKLM "SYSTEM\CurrentControlSet\Control\Session Manager\Environment" "Path"
    Goto +2
    ReadRegStr $0 HKCU "Environment" "Path"
  StrCmp $0 "" 0 +3
    StrCpy $0 "$INSTDIR\bin"
    Goto +2
    StrCpy $0 "$0;$INSTDIR\bin"
  StrCmp $MultiUser.InstallMode "AllUsers" 0 +3
    WriteRegExpandStr HKLM "SYSTEM\CurrentControlSet\Control\Session Manager\Environment" "Path" "$0"
    Goto +2
    WriteRegExpandStr HKCU "Environment" "Path" "$0"
  WriteRegStr SHCTX "${UNINST_KEY}" "AddedToPath" "$INSTDIR\bin"
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=2000
SectionEnd

Section "Uninstall"
  ; PATH: the entry this installer added is taken out again.
  ReadRegStr $1 SHCTX "${UNINST_KEY}" "AddedToPath"
  StrCmp $1 "" nopath
    StrCmp $MultiUser.InstallMode "AllUsers" 0 +3
      ReadRegStr $0 HKLM "SYSTEM\CurrentControlSet\Control\Session Manager\Environment" "Path"
      Goto +2
      ReadRegStr $0 HKCU "Environment" "Path"
    Push $0
    Push ";$1"
    Call un.RemoveFromString
    Pop $0
    Push $0
    Push "$1"
    Call un.RemoveFromString
    Pop $0
    StrCmp $MultiUser.InstallMode "AllUsers" 0 +3
      WriteRegExpandStr HKLM "SYSTEM\CurrentControlSet\Control\Session Manager\Environment" "Path" "$0"
      Goto +2
      WriteRegExpandStr HKCU "Environment" "Path" "$0"
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=2000
  nopath:
  DeleteRegKey SHCTX "Software\Classes\par-audit.file"
  DeleteRegValue SHCTX "Software\Classes\.xml\OpenWithProgids" "par-audit.file"
  DeleteRegKey SHCTX "Software\Classes\Applications\par-audit-gui.exe"
  DeleteRegKey SHCTX "${UNINST_KEY}"
  RMDir /r "$SMPROGRAMS\par-audit"
  RMDir /r "$INSTDIR\bin"
  RMDir /r "$INSTDIR\share"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd

; un.RemoveFromString: (string, piece) -> string without the first occurrence of piece.
Function un.RemoveFromString
  Exch $R1 ; piece
  Exch
  Exch $R0 ; string
  Push $R2
  Push $R3
  Push $R4
  StrLen $R3 $R1
  StrCpy $R2 0
  loop:
    StrCpy $R4 $R0 $R3 $R2
    StrCmp $R4 "" done
    StrCmp $R4 $R1 found
    IntOp $R2 $R2 + 1
    Goto loop
  found:
    StrCpy $R4 $R0 $R2
    IntOp $R2 $R2 + $R3
    StrCpy $R2 $R0 "" $R2
    StrCpy $R0 "$R4$R2"
  done:
  Pop $R4
  Pop $R3
  Pop $R2
  Pop $R1
  Exch $R0
FunctionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
!insertmacro MUI_FUNCTION_DESCRIPTION_END
