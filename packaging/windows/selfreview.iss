; (UTF-8 with a BOM: Inno Setup reads the Vietnamese names right only so)
; Inno Setup 6 script: the Windows installer of the desktop app, made from the one-folder bundle.
;
;   python dev.py bundle                                            (dist\selfreview\, PyInstaller)
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\selfreview.iss
;   → dist\selfreview-setup-0.1.0.exe          (.github/workflows/windows.yml does both, then installs it)
;
; Per user, no administrator rights: the app goes to %LOCALAPPDATA%\Programs\selfreview, the Start-menu
; entry and the two file associations to the user's own registry hive (HKCU\Software\Classes).
; The data folder is elsewhere (%LOCALAPPDATA%\selfreview: the database, the keys, the backups) and
; neither an update nor the uninstaller touches it. Installing a newer version over an older one
; replaces the program files only; the app migrates the data folder at its next start, after copying
; the database into backups\ (selfreview/db/migrate.py). docs/install.md says all of this to the person.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppExe "selfreview-gui.exe"
#define Bundle "..\..\dist\selfreview"

[Setup]
; the same id for every version: a newer installer updates the installed app in place
AppId={{B7E1C0D4-5A2F-4C8E-9D61-3F0A7B2E19C5}
AppName=Bản kiểm điểm cá nhân (selfreview)
AppVersion={#AppVersion}
AppVerName=selfreview {#AppVersion}
AppPublisher=selfreview
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\selfreview
DefaultGroupName=Bản kiểm điểm cá nhân
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
; an open app is closed before its files are replaced (Restart Manager), then started again
CloseApplications=yes
RestartApplications=no
OutputDir=..\..\dist
OutputBaseFilename=selfreview-setup-{#AppVersion}
SetupIconFile=selfreview.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=Bản kiểm điểm cá nhân (selfreview)
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; an update: the old version's libraries go first, so none of them lingers beside the new ones
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Bản kiểm điểm cá nhân"; Filename: "{app}\{#AppExe}"; Comment: "Self-review"
Name: "{autodesktop}\Bản kiểm điểm cá nhân"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA is HKCU for a per-user install: the member's file (.selfreview) and the invitation (.selfreview-invite)
Root: HKA; Subkey: "Software\Classes\.selfreview"; ValueType: string; ValueName: ""; ValueData: "selfreview.response"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.selfreview\OpenWithProgids"; ValueType: string; ValueName: "selfreview.response"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\selfreview.response"; ValueType: string; ValueName: ""; ValueData: "Tệp bản kiểm điểm (selfreview)"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\selfreview.response\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\selfreview.response\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.selfreview-invite"; ValueType: string; ValueName: ""; ValueData: "selfreview.invitation"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.selfreview-invite\OpenWithProgids"; ValueType: string; ValueName: "selfreview.invitation"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\selfreview.invitation"; ValueType: string; ValueName: ""; ValueData: "Lời mời kiểm điểm (selfreview)"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\selfreview.invitation\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\selfreview.invitation\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,Bản kiểm điểm cá nhân}"; Flags: nowait postinstall skipifsilent

; [UninstallDelete] is empty on purpose: %LOCALAPPDATA%\selfreview (the reviews, the keys, the backups)
; stays after an uninstall. docs/install.md says how to remove it by hand, and why to back up the key first.
