# Build the Windows installer: the PyInstaller bundle, then Inno Setup, then checksums
# and the SBOM. Run from the repository root in PowerShell:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs: uv, Inno Setup 6 (iscc.exe on PATH or in its default folder). Optional: WinSW
# at packaging\windows\winsw\WinSW-x64.exe for the gateway service option.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$version = (Select-String -Path pyproject.toml -Pattern '^version = "(.+)"').Matches[0].Groups[1].Value
Write-Host "LineSide $version"
uv run --frozen pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\pyinstaller\lineside.spec
& dist\lineside\lineside.exe --version
if (-not (Test-Path dist\lineside\lineside-gui.exe)) { throw "the windowed lineside-gui.exe is missing" }
$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\windows\lineside.iss
if ($LASTEXITCODE -ne 0) { throw "iscc failed ($LASTEXITCODE)" }
uv run --frozen python packaging\release_files.py dist
