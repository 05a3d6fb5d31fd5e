#!/bin/sh
# aws-sso-config-generator launcher: this file is a shell script followed by the runnable jar.
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" ${JAVA_OPTS:-} -jar "$0" "$@"
exit 1
