@echo off
rem Wisp's launcher for Windows. It runs lib\wisp.jar on, in this order: the Java runtime next to it (runtime\),
rem %JAVA_HOME%, or java on PATH; Java 17 or newer. When it finds none, or one too old, it says so and exits
rem with 2. WISP_JAVA_OPTS adds JVM options. Messages are echoed outside parenthesised blocks, so that a path
rem with parentheses in it, such as C:\Program Files (x86), cannot break them.
setlocal EnableExtensions
set "WISP_HOME=%~dp0.."
set "WISP_JAR=%WISP_HOME%\lib\wisp.jar"
if not exist "%WISP_JAR%" goto nojar

set "WISP_JAVA=%WISP_HOME%\runtime\bin\java.exe"
if exist "%WISP_JAVA%" goto run

set "WISP_FROM=JAVA_HOME"
set "WISP_JAVA=%JAVA_HOME%\bin\java.exe"
if defined JAVA_HOME goto found
set "WISP_FROM=PATH"
set "WISP_JAVA="
for /f "delims=" %%j in ('where java 2^>nul') do if not defined WISP_JAVA set "WISP_JAVA=%%j"
if not defined WISP_JAVA goto nojava

:found
if not exist "%WISP_JAVA%" goto badhome
rem The version: the runtime's release file (JAVA_VERSION="17.0.15"), else the first line of java -version.
set "WISP_JV="
for %%h in ("%WISP_JAVA%\..\..") do set "WISP_JH=%%~fh"
if exist "%WISP_JH%\release" for /f "usebackq tokens=1,2 delims==" %%a in ("%WISP_JH%\release") do if "%%a"=="JAVA_VERSION" set "WISP_JV=%%~b"
if not defined WISP_JV for /f "tokens=3" %%v in ('call "%WISP_JAVA%" -version 2^>^&1 ^| findstr /i /c:"version"') do if not defined WISP_JV set "WISP_JV=%%~v"
if not defined WISP_JV goto noversion
set "WISP_MAJOR="
for /f "tokens=1,2 delims=._-+" %%a in ("%WISP_JV%") do if "%%a"=="1" (set "WISP_MAJOR=%%b") else (set "WISP_MAJOR=%%a")
if not defined WISP_MAJOR goto noversion
if %WISP_MAJOR% LSS 17 goto tooold

:run
"%WISP_JAVA%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:CompileThresholdScaling=0.25 -Xshare:auto %WISP_JAVA_OPTS% -jar "%WISP_JAR%" %*
exit /b %ERRORLEVEL%

:nojar
echo wisp: %WISP_JAR% is missing: unpack the whole archive, bin\ and lib\ together 1>&2
exit /b 2
:nojava
echo wisp: no Java found: JAVA_HOME is not set and there is no java on PATH. Wisp needs Java 17 or newer, e.g. Eclipse Temurin from https://adoptium.net 1>&2
exit /b 2
:badhome
echo wisp: JAVA_HOME is %JAVA_HOME%, but %WISP_JAVA% is not there; set JAVA_HOME to a Java 17 or newer installation, or unset it to use java from PATH 1>&2
exit /b 2
:noversion
echo wisp: cannot tell the version of %WISP_JAVA% (from %WISP_FROM%); Wisp needs Java 17 or newer 1>&2
exit /b 2
:tooold
echo wisp: Wisp needs Java 17 or newer, and %WISP_JAVA% (from %WISP_FROM%) is Java %WISP_JV%; set JAVA_HOME to a newer Java 1>&2
exit /b 2
