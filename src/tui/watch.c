/* What a change from the UI newly breaks, for the changes made outside a
 * form (tagged records, a linked pickup, an import, an undo): they run
 * through change_run, and the message that says they are done carries the
 * new problems, as a form or `summit set` does. */
#include "tui.h"

#include <stdarg.h>

int tui_keep_warning(const struct check_problem *p, void *ctx)
{
	struct strbuf *sb = ctx;
	strbuf_addf(sb, "%swarning: %s", sb->len ? "; " : "", p->message);
	return 0;
}

void tui_done(struct tui *tui, struct strbuf *warnings, const char *fmt, ...)
{
	char done[300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(done, sizeof done, fmt, ap);
	va_end(ap);
	if (warnings->len)
		tui_message(tui, ROLE_WARN, "%s; %s", done, warnings->buf);
	else
		tui_message(tui, ROLE_GOOD, "%s.", done);
	strbuf_free(warnings);
}
