/* Printing from the UI: the document is made by `summit print` or `summit
 * report` in its own process (their helpers link cairo and pango, the UI
 * does not), on the same event file; its one-line answer becomes the UI's
 * message. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs `summit --db FILE WORDS... -o PATH` and shows its first line of
 * answer, without "summit: VERB: ", as the UI's message. */
static void run_document(struct tui *tui, const char *what, const char *const *words,
                         const char *path)
{
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0) {
		tui_message(tui, ROLE_ERROR,
		            "Cannot find the summit program to print with.");
		return;
	}
	self[n] = '\0';
	const char *argv[24];
	size_t k = 0;
	argv[k++] = self;
	argv[k++] = "--db";
	argv[k++] = db_file(tui->db);
	for (size_t i = 0; words[i] && k < 20; i++)
		argv[k++] = words[i];
	argv[k++] = "-o";
	argv[k++] = path;
	argv[k] = NULL;
	int fd[2];
	if (pipe(fd) != 0) {
		tui_message(tui, ROLE_ERROR, "Cannot print: no pipe.");
		return;
	}
	tui_message(tui, ROLE_NORMAL, "Printing the %s to %s...", what, path);
	tui_draw(tui);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fd[1], STDOUT_FILENO);
		dup2(fd[1], STDERR_FILENO);
		close(fd[0]);
		close(fd[1]);
		execv(self, (char *const *)argv);
		_exit(127);
	}
	close(fd[1]);
	char answer[600] = "";
	size_t used = 0;
	ssize_t got;
	while (pid > 0 &&
	       (got = read(fd[0], answer + used, sizeof answer - 1 - used)) > 0)
		used += (size_t)got;
	answer[used] = '\0';
	close(fd[0]);
	int status = 0;
	if (pid < 0 || waitpid(pid, &status, 0) < 0) {
		tui_message(tui, ROLE_ERROR, "Cannot print: the helper did not run.");
		return;
	}
	answer[strcspn(answer, "\n")] = '\0';
	const char *text = answer;
	char prefix[64];
	snprintf(prefix, sizeof prefix, "summit: %s: ", words[0]);
	if (strncmp(text, prefix, strlen(prefix)) == 0)
		text += strlen(prefix);
	bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	tui_message(tui, ok ? ROLE_GOOD : ROLE_ERROR, "%s%s",
	            ok ? "Printed: " : "Not printed: ", text);
}

void tui_print(struct tui *tui, const char *what, const char *const *args,
               const char *initial)
{
	char path[512], label[128];
	snprintf(label, sizeof label, "Print the %s (PDF) to file:", what);
	if (!tui_prompt(tui, label, initial, path, sizeof path) || !path[0])
		return;
	const char *words[20] = {"print", what};
	size_t k = 2;
	for (size_t i = 0; args && args[i] && k < 19; i++)
		words[k++] = args[i];
	words[k] = NULL;
	run_document(tui, what, words, path);
}

void tui_report(struct tui *tui)
{
	char path[512];
	if (!tui_prompt(tui, "Write the report (PDF; .md for Markdown) to file:",
	                "report.pdf", path, sizeof path) ||
	    !path[0])
		return;
	const char *words[] = {"report", NULL};
	run_document(tui, "report", words, path);
}
