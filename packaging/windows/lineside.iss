; Inno Setup script for the Windows installer; build the PyInstaller bundle first
; (dist\lineside), then: iscc packaging\windows\lineside.iss
[Setup]
AppName=LineSide
AppVersion=0.1.0
DefaultDirName={autopf}\LineSide
DefaultGroupName=LineSide
OutputBaseFilename=lineside-setup
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=admin

[Files]
Source: "..\..\dist\lineside\*"; DestDir: "{app}"; Flags: recursesubdirs
Source: "..\..\resources\demo\site.toml"; DestDir: "{commonappdata}\LineSide"; DestName: "site.toml.example"

[Icons]
Name: "{group}\LineSide"; Filename: "{app}\lineside.exe"; Parameters: "run --site ""{commonappdata}\LineSide\site.toml"""
Name: "{group}\LineSide demo"; Filename: "{app}\lineside.exe"; Parameters: "demo"
Name: "{commonstartup}\LineSide kiosk"; Filename: "{app}\lineside.exe"; Parameters: "run --kiosk --site ""{commonappdata}\LineSide\site.toml"""; Tasks: kiosk

[Tasks]
Name: kiosk; Description: "Start LineSide in kiosk mode at sign-in (line-side touchscreen)"; Flags: unchecked
