; Inno Setup 6 script of the Windows installer (64-bit). Build on Windows with
;   powershell -File packaging\windows\build.ps1
; which builds the PyInstaller bundle (dist\lineside: lineside.exe console CLI,
; lineside-gui.exe windowed GUI), reads the version from pyproject.toml and runs
;   iscc /DAppVersion=<version> packaging\windows\lineside.iss
; See packaging\windows\README.md.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z (build.ps1 does)
#endif
#define Bundle "..\..\dist\lineside"
#define SiteDir "{commonappdata}\LineSide"
#define SiteFile "{commonappdata}\LineSide\site.toml"
#define WinSW "winsw\WinSW-x64.exe"

[Setup]
; AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{E3919969-1DD1-4F32-82E4-C95BDF5863C8}
AppName=LineSide
AppVersion={#AppVersion}
AppVerName=LineSide {#AppVersion}
AppPublisher=LineSide
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\LineSide
DefaultGroupName=LineSide
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=lineside-setup-{#AppVersion}-x64
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
PrivilegesRequired=admin
; The bundle is 64-bit: install into Program Files, not Program Files (x86), and see
; the 64-bit registry.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
UninstallDisplayIcon={app}\lineside-gui.exe
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Tasks]
Name: kiosk; Description: "Start LineSide full screen (kiosk) when this user signs in:"; Flags: unchecked
Name: desktopicon; Description: "Desktop shortcut"; Flags: unchecked
#if FileExists(AddBackslash(SourcePath) + WinSW)
Name: gateway; Description: "Install the headless gateway as a Windows service (lineside-gateway)"; Flags: unchecked
#endif

[Dirs]
; The site files and the gateway's store: administrators and SYSTEM write, users read
; the site; the data folder is not for every user (it holds health data).
Name: "{#SiteDir}"; Permissions: users-readexec
Name: "{#SiteDir}\data"; Permissions: system-full admins-full

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; First run: the demo site and its includes become the site file; an existing site
; file (edited by plant IT) is never overwritten, and stays on uninstall.
Source: "..\..\resources\demo\*.toml"; DestDir: "{#SiteDir}"; Flags: onlyifdoesntexist uninsneveruninstall
; ... and the shipped version beside it, refreshed on every upgrade, to compare with.
Source: "..\..\resources\demo\site.toml"; DestDir: "{#SiteDir}\template"
Source: "..\..\resources\demo\*.toml"; DestDir: "{#SiteDir}\template"
#if FileExists(AddBackslash(SourcePath) + WinSW)
Source: "{#WinSW}"; DestDir: "{app}\service"; DestName: "lineside-gateway.exe"; Tasks: gateway
Source: "lineside-gateway.xml"; DestDir: "{app}\service"; Tasks: gateway
#endif

[Icons]
; The GUI runs from the windowed exe: no console window behind the terminal.
Name: "{group}\LineSide"; Filename: "{app}\lineside-gui.exe"; Parameters: "run --site ""{#SiteFile}"""; WorkingDir: "{#SiteDir}"
Name: "{group}\LineSide demo"; Filename: "{app}\lineside-gui.exe"; Parameters: "demo"
Name: "{group}\LineSide doctor"; Filename: "{cmd}"; Parameters: "/k ""{app}\lineside.exe"" doctor --site ""{#SiteFile}"""
Name: "{group}\Site file"; Filename: "notepad.exe"; Parameters: """{#SiteFile}"""
Name: "{autodesktop}\LineSide"; Filename: "{app}\lineside-gui.exe"; Parameters: "run --site ""{#SiteFile}"""; Tasks: desktopicon

[Run]
; Kiosk autostart for the one chosen user: a task at that user's sign-in (interactive,
; limited rights), not an autostart for everyone on the machine.
Filename: "{sys}\schtasks.exe"; Parameters: "/Create /F /TN ""LineSide kiosk"" /SC ONLOGON /RU ""{code:KioskUser}"" /IT /RL LIMITED /TR ""\""{app}\lineside-gui.exe\"" run --kiosk --site \""{#SiteFile}\"""""; Flags: runhidden; Tasks: kiosk; StatusMsg: "Setting up the kiosk start..."
#if FileExists(AddBackslash(SourcePath) + WinSW)
Filename: "{app}\service\lineside-gateway.exe"; Parameters: "install"; Flags: runhidden; Tasks: gateway; StatusMsg: "Installing the gateway service..."
Filename: "{app}\service\lineside-gateway.exe"; Parameters: "start"; Flags: runhidden; Tasks: gateway
#endif
Filename: "{app}\lineside.exe"; Parameters: "doctor --site ""{#SiteFile}"""; Description: "Check this installation now (lineside doctor)"; Flags: postinstall skipifsilent unchecked

[UninstallRun]
Filename: "{sys}\schtasks.exe"; Parameters: "/Delete /F /TN ""LineSide kiosk"""; Flags: runhidden; RunOnceId: "DelKioskTask"
#if FileExists(AddBackslash(SourcePath) + WinSW)
Filename: "{app}\service\lineside-gateway.exe"; Parameters: "stop"; Flags: runhidden; RunOnceId: "StopGateway"
Filename: "{app}\service\lineside-gateway.exe"; Parameters: "uninstall"; Flags: runhidden; RunOnceId: "DelGateway"
#endif

[Code]
var
  KioskPage: TInputQueryWizardPage;

procedure InitializeWizard;
begin
  KioskPage := CreateInputQueryPage(wpSelectTasks, 'Kiosk user',
    'Which Windows account runs the line-side terminal?',
    'LineSide starts full screen when this account signs in (for example a local ' +
    'account of the line-side PC). Other accounts are not affected.');
  KioskPage.Add('User name (DOMAIN\user or user):', False);
  KioskPage.Values[0] := GetUserNameString;
end;

function ShouldSkipPage(PageID: Integer): Boolean;
begin
  Result := (PageID = KioskPage.ID) and not WizardIsTaskSelected('kiosk');
end;

function NextButtonClick(CurPageID: Integer): Boolean;
begin
  Result := True;
  if (CurPageID = KioskPage.ID) and (Trim(KioskPage.Values[0]) = '') then begin
    MsgBox('Enter the account that runs the kiosk.', mbError, MB_OK);
    Result := False;
  end;
end;

function KioskUser(Param: String): String;
begin
  Result := Trim(KioskPage.Values[0]);
end;

function PrepareToInstall(var NeedsRestart: Boolean): String;
var
  Code: Integer;
begin
  // Upgrade: stop a running gateway so its files can be replaced; [Run] starts it.
  if FileExists(ExpandConstant('{app}\service\lineside-gateway.exe')) then
    Exec(ExpandConstant('{app}\service\lineside-gateway.exe'), 'stop', '',
         SW_HIDE, ewWaitUntilTerminated, Code);
  Result := '';
end;
