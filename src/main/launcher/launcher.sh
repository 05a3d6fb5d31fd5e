#!/bin/sh
# aws-sso-config-generator launcher: this file is a shell script followed by the runnable jar.
#
# It starts the JVM in its own place (exec: the JVM keeps this process, its signals and its exit
# code) with a class-data archive of the tool's classes when the JDK allows one, so that the JVM
# maps them instead of loading and verifying them from the jar. The archive is made on this
# machine by the first run that is not --help or --version, and kept in the user cache folder
# ($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS), under
# aws-sso-config-generator/, named for the jar (path, size, time) and the JDK (home, version):
#   JDK 19 and later: -XX:+AutoCreateSharedArchive; the JVM makes it at exit when it is missing.
#   JDK 17 and 18: -XX:ArchiveClassesAtExit writes it at exit under a temporary name, and the next
#     start moves it into place once the JVM's log says it was written.
# One that the JVM refused (a log file next to it says so) or that is damaged is deleted and made
# again. Whenever the archive is missing, stale, damaged or refused, the JVM starts without it:
# never an error, and the JVM's own messages about it are switched off (-Xlog:cds*=off). No
# archive is used with AWS_SSO_CONFIG_GENERATOR_ARCHIVE=off, with a JAVA_OPTS that sets up class
# sharing itself, or when the JDK, its version or a writable cache folder cannot be found.
# It also asks for the client compiler only and the serial collector (see below).
# docs/usage.md "Start-up" describes it.

jar=$0
case $jar in /*) ;; *) jar=$PWD/$jar ;; esac
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# The JDK's home folder and version, from its `release` file (no JVM is started to ask).
jdk_home=
if [ -n "${JAVA_HOME:-}" ]; then
  jdk_home=$JAVA_HOME
else
  # `java` on the PATH, without a subshell (`command -v` would need one)
  java_path=
  saved_ifs=$IFS
  IFS=:
  set -f # the PATH's entries are not patterns
  for dir in $PATH; do
    if [ -x "${dir:-.}/java" ] && [ ! -d "${dir:-.}/java" ]; then java_path=${dir:-.}/java; break; fi
  done
  set +f
  IFS=$saved_ifs
  while [ -L "$java_path" ]; do
    link=$(readlink "$java_path") || break
    case $link in /*) java_path=$link ;; *) java_path=${java_path%/*}/$link ;; esac
  done
  case $java_path in */bin/java) jdk_home=${java_path%/bin/java} ;; esac
  if [ ! -f "$jdk_home/release" ] && [ -x /usr/libexec/java_home ]; then
    jdk_home=$(/usr/libexec/java_home 2>/dev/null) # macOS: /usr/bin/java is a stub
  fi
fi
jdk_version=
if [ -n "$jdk_home" ] && [ -r "$jdk_home/release" ]; then
  while IFS= read -r line; do
    case $line in
      JAVA_VERSION=*) jdk_version=${line#JAVA_VERSION=}; jdk_version=${jdk_version#\"}; jdk_version=${jdk_version%\"} ;;
    esac
  done <"$jdk_home/release"
fi
jdk_feature=${jdk_version%%[!0-9]*}

# The cache folder: ~/Library/Caches on macOS (which always has it), else $XDG_CACHE_HOME (if
# absolute) or ~/.cache.
if [ -n "${HOME:-}" ] && [ -d "$HOME/Library/Caches" ]; then
  cache_home=$HOME/Library/Caches
else
  case ${XDG_CACHE_HOME:-} in /*) cache_home=$XDG_CACHE_HOME ;; *) cache_home=${HOME:+$HOME/.cache} ;; esac
fi
cache_dir=${cache_home:+$cache_home/aws-sso-config-generator}

# Whether this run may make the archive: not for --help or --version.
may_make=yes
for arg do
  case $arg in --help | --version | -[hV]* | -[!-]*[hV]*) may_make=no ;; esac # also -vh, -hV
done

archive_wanted() {
  case ${AWS_SSO_CONFIG_GENERATOR_ARCHIVE:-} in off | OFF | false | 0 | no) return 1 ;; esac
  case ${JAVA_OPTS:-} in *-Xshare* | *SharedArchiveFile* | *ArchiveClassesAtExit* | *AOTCache* | *AOTMode*) return 1 ;; esac
  [ -n "$cache_dir" ] && [ -n "$jdk_feature" ] && [ "$jdk_feature" -ge 17 ] || return 1
  # the JDK's base archive must be there: the tool's archive is laid over it
  [ -f "$jdk_home/lib/server/classes.jsa" ] || return 1
  # characters the JVM's option syntax gives a meaning to (path lists, log file patterns)
  case $cache_dir$jdk_version in *[:,\"%=]*) return 1 ;; esac
  # made with at most the cache folder itself above it (never a missing home folder)
  [ -d "$cache_dir" ] || { [ -d "${cache_home%/*}" ] && (umask 077 && mkdir -p "$cache_dir") 2>/dev/null; } || return 1
  [ -w "$cache_dir" ]
}

# Removes this jar's archives for this JDK home other than the current one: older jars, versions.
remove_stale() {
  for file in "$cache_dir/$prefix"-*; do
    case $file in "$base".*) ;; *) rm -f "$file" ;; esac
  done
}

# Whether the file starts with the magic number of a dynamic archive (0xf00baba8, little-endian).
# One the JVM died writing has none (the header is written last), and given such a file the JVM
# turns class sharing off altogether; JDK 19 and later also warn about it on stderr every time.
looks_like_an_archive() {
  case $(od -An -tx1 -N4 "$1" 2>/dev/null) in *a8*ab*0b*f0*) return 0 ;; *) return 1 ;; esac
}

set -- -jar "$jar" "$@"
# shellcheck disable=SC2086 # JAVA_OPTS is split into words, as it always was
set -- ${JAVA_OPTS:-} "$@"
# The client compiler only, and the serial collector: a run is short, and on a small machine C2's
# compilations compete with the run itself; measured on a listing of 5,000 accounts too
# (docs/benchmarks.md "Start-up"). JAVA_OPTS comes after, so it can set others; a collector it
# names is not combined with this one (the JVM would refuse the pair).
case ${JAVA_OPTS:-} in *-XX:+Use*GC*) ;; *) set -- -XX:+UseSerialGC "$@" ;; esac
set -- -XX:TieredStopAtLevel=1 "$@"
if archive_wanted; then
  # name: <CRC of the jar's path and the JDK's home>-<JDK version>-<jar size>-<jar time>
  prefix=$(cksum <<EOF
$jar
$jdk_home
EOF
)
  prefix=${prefix%% *}
  read -r _ _ _ _ size month day time _ <<EOF
$(LC_ALL=C ls -lnL "$jar" 2>/dev/null)
EOF
  case $time in *:*) time=${time%%:*}${time#*:} ;; esac # 12:34 (or a year, for old files)
  base=$cache_dir/$prefix-$jdk_version-$size-$month$day-$time
  # the JVM's own messages about the archive, on stdout by default, are switched off
  if [ "$jdk_feature" -ge 25 ]; then set -- -Xlog:aot*=off "$@"; fi
  set -- -Xlog:cds*=off "$@"
  if [ -f "$base.jsa" ] && ! looks_like_an_archive "$base.jsa"; then rm -f "$base.jsa"; fi
  # an archive the JVM refused is in the log of the run that tried it (a jar changed within the
  # minute of the archive's name: the JVM checks its time to the second)
  if [ -s "$base.log" ]; then rm -f "$base.jsa" "$base.log"; fi
  if [ "$jdk_feature" -lt 19 ] && [ ! -f "$base.jsa" ]; then
    # JDK 17 and 18: a dump that its JVM finished writing is moved into place
    for log in "$base".*.dumplog; do
      [ -f "$log" ] || continue
      dump=${log%.dumplog}
      pid=${dump##*.}
      if grep -q 'Written dynamic archive' "$log" 2>/dev/null; then
        mv -f "$dump.dump" "$base.jsa" 2>/dev/null
        rm -f "$log"
      elif ! kill -0 "$pid" 2>/dev/null; then
        rm -f "$dump.dump" "$log" # the run that dumped it ended before it was written
      fi
    done
  fi
  refusals=-Xlog:cds+dynamic=warning:file=$base.log::filecount=0
  if [ -f "$base.jsa" ] && { [ $may_make = no ] || [ "$jdk_feature" -lt 19 ]; }; then
    set -- -XX:SharedArchiveFile="$base.jsa" "$refusals" "$@"
  elif [ $may_make = yes ] && [ "$jdk_feature" -ge 19 ]; then
    [ -f "$base.jsa" ] || remove_stale
    set -- -XX:SharedArchiveFile="$base.jsa" -XX:+AutoCreateSharedArchive "$refusals" "$@"
  elif [ $may_make = yes ]; then
    remove_stale
    # $$ is the JVM's process ID too, after exec
    set -- -XX:ArchiveClassesAtExit="$base.$$.dump" -Xlog:cds+dynamic=info:file="$base.$$.dumplog"::filecount=0 "$@"
  fi
fi
exec "$java" "$@"
exit 1
