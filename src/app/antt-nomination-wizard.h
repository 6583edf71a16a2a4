/* antt-nomination-wizard.h: proposing a team or a member for an award, step
 * by step, within the review's caps.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "antt-database.h"
#include "antt-nominations.h"

G_BEGIN_DECLS

#define ANTT_TYPE_NOMINATION_WIZARD (antt_nomination_wizard_get_type ())

G_DECLARE_FINAL_TYPE (AnttNominationWizard, antt_nomination_wizard, ANTT, NOMINATION_WIZARD, AdwWindow)

AnttNominationWizard *antt_nomination_wizard_new              (AnttDatabase         *database,
                                                               gint64                phase_id,
                                                               gint64                award_level_id);
gint64                antt_nomination_wizard_get_phase        (AnttNominationWizard *self);
gint64                antt_nomination_wizard_get_award        (AnttNominationWizard *self);
void                  antt_nomination_wizard_set_award        (AnttNominationWizard *self,
                                                               gint64                award_level_id);
AnttNomineeKind       antt_nomination_wizard_get_kind         (AnttNominationWizard *self);
void                  antt_nomination_wizard_set_kind         (AnttNominationWizard *self,
                                                               AnttNomineeKind       kind);
const char           *antt_nomination_wizard_get_step         (AnttNominationWizard *self);
gboolean              antt_nomination_wizard_next             (AnttNominationWizard *self);
void                  antt_nomination_wizard_back             (AnttNominationWizard *self);
gboolean              antt_nomination_wizard_is_loading       (AnttNominationWizard *self);
void                  antt_nomination_wizard_set_search       (AnttNominationWizard *self,
                                                               const char           *text);
gboolean              antt_nomination_wizard_is_cap_full      (AnttNominationWizard *self);
gboolean              antt_nomination_wizard_select_nominee   (AnttNominationWizard *self,
                                                               gint64                nominee_id);
gint64                antt_nomination_wizard_get_nominee      (AnttNominationWizard *self);
const char           *antt_nomination_wizard_get_reason       (AnttNominationWizard *self,
                                                               gint64                nominee_id);
char                 *antt_nomination_wizard_get_summary      (AnttNominationWizard *self);
void                  antt_nomination_wizard_set_summary      (AnttNominationWizard *self,
                                                               const char           *text);
guint                 antt_nomination_wizard_get_n_evidence   (AnttNominationWizard *self);
void                  antt_nomination_wizard_set_evidence_checked (AnttNominationWizard *self,
                                                               guint                 index,
                                                               gboolean              checked);
const char           *antt_nomination_wizard_get_slots_text   (AnttNominationWizard *self);
const char           *antt_nomination_wizard_get_message      (AnttNominationWizard *self);
gboolean              antt_nomination_wizard_has_changes      (AnttNominationWizard *self);
guint                 antt_nomination_wizard_get_pending_loads (AnttNominationWizard *self);
guint                 antt_nomination_wizard_get_connections_opened (AnttNominationWizard *self);
gboolean              antt_nomination_wizard_withdraw         (AnttNominationWizard *self,
                                                               gint64                nomination_id,
                                                               GError              **error);
gint64                antt_nomination_wizard_create           (AnttNominationWizard *self,
                                                               GError              **error);

G_END_DECLS
