#!/bin/sh
# publish runs in its helper executable, summit-publish, so libcurl and
# libxml2 stay out of every other verb's start-up (see src/cli/cli.h).
. "$TESTLIB"

helpers=$(dirname "$SUMMIT")
new_event

run ldd "$SUMMIT"
check "summit itself does not load libcurl" test -n "$out" -a "${out#*libcurl}" = "$out"
check "summit itself does not load libxml2" test "${out#*libxml2}" = "$out"
run ldd "$helpers/summit-publish"
expect_out "libcurl" "summit-publish loads libcurl"

run "$SUMMIT" help publish
expect_rc 0 "help publish still works from summit's table"
expect_out "usage: summit publish URL" "help publish shows its usage"

# The helper gets the event file, today and the verb's own arguments.
mkdir "$tmp/libexec"
cat >"$tmp/libexec/summit-publish" <<'SH'
#!/bin/sh
echo "args: $*"
exit 3
SH
chmod +x "$tmp/libexec/summit-publish"
run env SUMMIT_LIBEXEC="$tmp/libexec" "$SUMMIT" --db "$db" --today 2007-11-15 \
	publish http://127.0.0.1:1/cal/ --only programme
expect_rc 3 "summit returns its helper's exit status"
expect_out "args: --db $db --today 2007-11-15 publish http://127.0.0.1:1/cal/ --only programme" \
	"the helper gets --db, --today, the verb and its arguments"
run env SUMMIT_LIBEXEC="$tmp/libexec" SUMMIT_DB="$db" "$SUMMIT" publish x
expect_out "args: --db $db publish x" "the event file from SUMMIT_DB reaches the helper"

mkdir "$tmp/empty"
run env SUMMIT_LIBEXEC="$tmp/empty" "$SUMMIT" --db "$db" publish http://127.0.0.1:1/
expect_rc 1 "a missing helper is refused"
expect_err "summit: publish: cannot run its helper $tmp/empty/summit-publish" \
	"the message names the helper looked for"

# The real helper, found beside summit when SUMMIT_LIBEXEC is unset.
run env -u SUMMIT_LIBEXEC "$SUMMIT" --db "$db" publish
expect_rc 2 "publish without a URL is a usage error, from the helper"
expect_err "usage: summit publish URL" "the helper prints publish's usage"
run env -u SUMMIT_LIBEXEC "$SUMMIT" --db "$db" publish --only nonsense http://127.0.0.1:1/
expect_rc 2 "the helper checks publish's options"
expect_err "--only: got \"nonsense\"" "the helper names the bad option"
run env -u SUMMIT_LIBEXEC "$SUMMIT" --db "$tmp/none.db" publish http://127.0.0.1:1/
expect_rc 1 "the helper refuses a missing event file"
check "the helper does not create the missing event file" test ! -e "$tmp/none.db"

run "$helpers/summit-publish" --db "$db" load "$SAMPLE"
expect_rc 2 "the helper runs only its own verb"

done_testing
