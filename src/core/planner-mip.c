/* The integer programs of the planners, solved by GLPK behind a deadline
 * the caller sets (tm_lim is soft: the callback stops the search). Only
 * summit-plan links this file: the planners reach it through a weak
 * reference, and run their heuristics alone where it is absent (the TUI),
 * so GLPK stays out of every other program's start-up. */
#include <glpk.h>
#include <stdlib.h>

#include "planner_internal.h"

/* GLPK prints on stdout, even with terminal output off: keep it quiet. */
static int quiet(void *info, const char *s)
{
	(void)info;
	(void)s;
	return 1;
}

struct search {
	const struct planner_mip *m;
	bool warm_given;
};

static void callback(glp_tree *tree, void *info)
{
	struct search *s = info;
	/* The warm start needs presolve off (the callback sees the columns as
	 * given) and does not fire GLP_IBINGO: the status is polled after. */
	if (glp_ios_reason(tree) == GLP_IHEUR && !s->warm_given && s->m->warm) {
		s->warm_given = true;
		glp_ios_heur_sol(tree, s->m->warm);
	}
	if (planner_clock() > s->m->deadline)
		glp_ios_terminate(tree);
}

bool planner_mip_linked(void)
{
	return true;
}

enum planner_mip_result planner_mip_solve(const struct planner_mip *m, double *x,
                                          double *value, double *bound)
{
	/* GLPK aborts on a bad index: the caller's arrays are checked here. */
	for (int k = 1; k <= m->nz; k++)
		if (m->ia[k] < 1 || m->ia[k] > m->nrows || m->ja[k] < 1 ||
		    m->ja[k] > m->ncols)
			return PLANNER_MIP_NONE;
	glp_term_hook(quiet, NULL);
	glp_prob *lp = glp_create_prob();
	glp_set_obj_dir(lp, GLP_MIN);
	glp_add_rows(lp, m->nrows);
	for (int r = 1; r <= m->nrows; r++)
		glp_set_row_bnds(lp, r, m->row_fixed[r] ? GLP_FX : GLP_UP,
		                 m->row_fixed[r] ? m->row_hi[r] : 0, m->row_hi[r]);
	glp_add_cols(lp, m->ncols);
	for (int k = 1; k <= m->ncols; k++) {
		if (m->binary[k])
			glp_set_col_kind(lp, k, GLP_BV);
		else
			glp_set_col_bnds(lp, k, GLP_DB, 0, m->col_hi[k]);
		glp_set_obj_coef(lp, k, m->obj[k]);
	}
	glp_load_matrix(lp, m->nz, m->ia, m->ja, m->ar);
	enum planner_mip_result result = PLANNER_MIP_NONE;
	glp_smcp smcp;
	glp_init_smcp(&smcp);
	smcp.msg_lev = GLP_MSG_OFF;
	smcp.presolve = GLP_OFF;
	double left = m->deadline - planner_clock();
	smcp.tm_lim = left > 0.05 ? (int)(left * 1000) : 50;
	if (glp_simplex(lp, &smcp) == 0 && glp_get_status(lp) == GLP_OPT) {
		*bound = glp_get_obj_val(lp);
		result = PLANNER_MIP_BOUND;
		struct search s = {m, false};
		glp_iocp iocp;
		glp_init_iocp(&iocp);
		iocp.msg_lev = GLP_MSG_OFF;
		iocp.presolve = GLP_OFF;
		iocp.cb_func = callback;
		iocp.cb_info = &s;
		iocp.mip_gap = 0.001;
		left = m->deadline - planner_clock();
		iocp.tm_lim = left > 0.05 ? (int)(left * 1000) : 50;
		glp_intopt(lp, &iocp);
		int ms = glp_mip_status(lp);
		if (ms == GLP_OPT || ms == GLP_FEAS) {
			result =
			    ms == GLP_OPT ? PLANNER_MIP_OPTIMAL : PLANNER_MIP_FEASIBLE;
			*value = glp_mip_obj_val(lp);
			for (int k = 1; k <= m->ncols; k++)
				x[k] = glp_mip_col_val(lp, k);
		}
	}
	glp_delete_prob(lp);
	glp_free_env();
	return result;
}
