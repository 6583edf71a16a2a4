/* antt-seed.c: the commune's plan, as the default movement of a new file.
 *
 * The values are those of the plan in shared/seed (Kế hoạch of BCĐ ANTT xã
 * Bình Lương, 09/2024). They are the user's own document, so they stay in
 * Vietnamese here: they are data, editable later, not interface text.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "antt-database-private.h"
#include "antt-records.h"

typedef struct
{
  const char *code;
  const char *title;
  const char *description;
  const char *measure;
  const char *comparison;
  double      threshold;
  const char *scope;
} SeedTarget;

static const SeedTarget seed_targets[] = {
  { "T1", "Nguồn tin của Nhân dân cung cấp cho Công an xã thông qua lực lượng tham gia bảo vệ ANTT",
    "Số nguồn tin tiếp nhận thông qua lực lượng / tổng số nguồn tin tiếp nhận",
    "ratio", ">=", 80, "commune" },
  { "T2", "Vụ, việc về ANTT có sự tham gia hỗ trợ giải quyết kịp thời của lực lượng",
    "Số vụ việc có lực lượng tham gia / tổng số vụ việc",
    "ratio", ">=", 100, "commune" },
  { "T3", "Lực lượng thuần thục các kỹ năng dân vận, thuyết phục, vận động, tuyên truyền",
    "Số thành viên đã được tập huấn kỹ năng dân vận / số thành viên",
    "ratio", ">=", 100, "team" },
  { "T4", "Xây dựng, nhân rộng ít nhất 01 mô hình; mỗi thôn 1 - 2 điển hình tiên tiến được Công an huyện trở lên biểu dương",
    "Số mô hình cấp xã có lực lượng tham gia; số điển hình tiên tiến mỗi thôn được Công an huyện trở lên ghi nhận",
    "per_village", ">=", 1, "village" },
  { "T5", "Lực lượng được trang bị kiến thức, kỹ năng phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "Số thành viên đã được tập huấn PCCC và CNCH / số thành viên",
    "ratio", ">=", 100, "team" },
  { "T6", "Vụ việc khi được huy động, lực lượng có mặt kịp thời tham gia PCCC, CNCH",
    "Số vụ có mặt kịp thời / số vụ được huy động",
    "ratio", ">=", 100, "commune" },
  { "T7", "Lực lượng được tập huấn kiến thức, kỹ năng quản lý hành chính về trật tự xã hội",
    "Số thành viên đã được tập huấn / số thành viên",
    "ratio", ">=", 100, "team" },
  { "T8", "Không có cơ sở kinh doanh có điều kiện về ANTT vi phạm pháp luật",
    "Số vi phạm của cơ sở kinh doanh có điều kiện được ghi nhận",
    "count", "=", 0, "commune" },
  { "T9", "Vận động Nhân dân cung cấp trên 90% thông tin về nhân khẩu",
    "Số nhân khẩu đã cung cấp thông tin / số nhân khẩu, theo từng thôn",
    "ratio", ">", 90, "village" },
  { "T10", "Không để xảy ra tàng trữ, mua bán, sử dụng trái phép vũ khí, vật liệu nổ, công cụ hỗ trợ",
    "Số vụ vũ khí, vật liệu nổ, công cụ hỗ trợ được ghi nhận",
    "count", "=", 0, "commune" },
  { "T11", "Không để xảy ra người đã vi phạm pháp luật tái phạm tội",
    "Số người đang được giúp đỡ tái hòa nhập tái phạm trong kỳ",
    "count", "=", 0, "commune" },
  { "T12", "100% lực lượng tham gia hỗ trợ Công an xã tuần tra bảo đảm ANTT, an toàn giao thông",
    "Số thành viên có ít nhất 01 lần tuần tra / số thành viên",
    "ratio", ">=", 100, "team" },
  { "T13", "Không để xảy ra tai nạn giao thông nghiêm trọng, đặc biệt nghiêm trọng",
    "Số vụ tai nạn giao thông nghiêm trọng trở lên",
    "count", "=", 0, "commune" },
  { "T14", "100% lực lượng tham gia đầy đủ các hoạt động sinh hoạt chính trị",
    "Số thành viên có tham gia sinh hoạt chính trị / số thành viên",
    "ratio", ">=", 100, "team" },
  { "T15", "Không có cá nhân thuộc lực lượng vi phạm pháp luật",
    "Số thành viên có vi phạm trong kỳ",
    "count", "=", 0, "team" },
  { "T16", "Hằng tháng, mỗi tổ bảo vệ ANTT thực hiện ít nhất 01 việc tốt hoặc có cá nhân được biểu dương, khen thưởng",
    "Số tổ-tháng đạt / số tổ-tháng trong kỳ",
    "ratio", ">=", 100, "team" },
};

typedef struct
{
  const char *code;
  const char *name;
  const char *authority;
} SeedAward;

static const SeedAward seed_awards[] = {
  { "state", "Khen thưởng cấp Nhà nước", "Theo hướng dẫn của Trung ương" },
  { "ministry", "Khen thưởng của Bộ Công an", "Bộ trưởng Bộ Công an" },
  { "province_bk", "Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh Thanh Hóa" },
  { "district_gk", "Giấy khen của Chủ tịch UBND huyện", "Chủ tịch UBND huyện Như Xuân" },
  { "commune_gk", "Giấy khen của Chủ tịch UBND xã", "Chủ tịch UBND xã Bình Lương" },
};

#define LEGAL_BASIS \
  "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n" \
  "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi " \
  "tiết thi hành một số điều của Luật Thi đua, khen thưởng;\n" \
  "Căn cứ Kế hoạch số 194/KH-BCĐ ngày 12 tháng 9 năm 2024 của BCĐ 138 tỉnh Thanh Hóa về việc " \
  "triển khai thực hiện phong trào thi đua đặc biệt trong lực lượng tham gia bảo vệ an ninh, " \
  "trật tự ở cơ sở;"

static gint64
insert_phase (AnttDatabase  *db,
              gint64         campaign_id,
              int            ordinal,
              const char    *name,
              const char    *content,
              const char    *start,
              const char    *end,
              const char    *review_kind,
              const char    *review_name,
              const char    *deadline,
              GError       **error)
{
  g_autoptr(AnttRecord) phase = antt_record_new ("phases");

  antt_record_set_int (phase, "campaign_id", campaign_id);
  antt_record_set_int (phase, "ordinal", ordinal);
  antt_record_set_string (phase, "name", name);
  antt_record_set_string (phase, "content", content);
  antt_record_set_string (phase, "start_date", start);
  antt_record_set_string (phase, "end_date", end);
  antt_record_set_string (phase, "review_kind", review_kind);
  antt_record_set_string (phase, "review_name", review_name);
  antt_record_set_string (phase, "report_deadline", deadline);
  antt_record_set_string (phase, "legal_basis", LEGAL_BASIS);
  return antt_records_insert (db, phase, error);
}

static gboolean
insert_cap (AnttDatabase  *db,
            gint64         phase_id,
            gint64         award_id,
            const char    *kind,
            int            max_count,
            GError       **error)
{
  g_autoptr(AnttRecord) cap = antt_record_new ("award_caps");

  antt_record_set_int (cap, "phase_id", phase_id);
  antt_record_set_int (cap, "award_level_id", award_id);
  antt_record_set_string (cap, "nominee_kind", kind);
  antt_record_set_int (cap, "max_count", max_count);
  return antt_records_insert (db, cap, error) > 0;
}

static gboolean
seed (AnttDatabase  *db,
      GError       **error)
{
  g_autoptr(AnttRecord) commune = antt_record_new ("commune");
  g_autoptr(AnttRecord) campaign = antt_record_new ("campaigns");
  gint64 campaign_id, phase1, phase2, province_award = 0;

  antt_record_set_id (commune, 1);
  antt_record_set_string (commune, "commune_name", "Bình Lương");
  antt_record_set_string (commune, "district_name", "Như Xuân");
  antt_record_set_string (commune, "province_name", "Thanh Hóa");
  antt_record_set_string (commune, "parent_agency", "BCĐ ANTT XÃ BÌNH LƯƠNG");
  antt_record_set_string (commune, "agency_name", "CÔNG AN XÃ BÌNH LƯƠNG");
  antt_record_set_string (commune, "agency_code", "CAX");
  antt_record_set_string (commune, "place_name", "Bình Lương");
  antt_record_set_string (commune, "signer_name", "Lê Đức Tuấn");
  antt_record_set_string (commune, "signer_title", "CHỦ TỊCH UBND XÃ");
  antt_record_set_string (commune, "signer_position", "TRƯỞNG BAN");
  if (antt_records_insert (db, commune, error) == 0)
    return FALSE;

  antt_record_set_string (campaign, "name",
                          "Phong trào thi đua đặc biệt trong lực lượng tham gia bảo vệ an ninh, "
                          "trật tự ở cơ sở trên địa bàn xã Bình Lương");
  antt_record_set_string (campaign, "theme",
                          "Lực lượng mới, khí thế mới, thi đua bảo đảm an ninh, trật tự ở cơ sở "
                          "trong tình hình mới");
  antt_record_set_string (campaign, "plan_number", "/KH-BCĐ");
  antt_record_set_string (campaign, "issuer", "BCĐ ANTT xã Bình Lương");
  antt_record_set_string (campaign, "start_date", "2024-08-19");
  antt_record_set_string (campaign, "end_date", "2025-08-19");
  antt_record_set_boolean (campaign, "is_default", TRUE);
  campaign_id = antt_records_insert (db, campaign, error);
  if (campaign_id == 0)
    return FALSE;

  phase1 = insert_phase (db, campaign_id, 1, "Đợt thứ Nhất",
                         "Thi đua lập thành tích chào mừng kỷ niệm 95 năm Ngày thành lập Đảng "
                         "Cộng sản Việt Nam (03/02/1930 - 03/02/2025)",
                         "2024-08-19", "2025-02-03", "interim",
                         "Sơ kết Đợt thi đua thứ Nhất", "2025-02-15", error);
  if (phase1 == 0)
    return FALSE;

  phase2 = insert_phase (db, campaign_id, 2, "Đợt thứ Hai",
                         "Thi đua lập thành tích chào mừng kỷ niệm 80 năm Cách mạng tháng Tám "
                         "thành công và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam "
                         "(02/9/1945 - 02/9/2025), kỷ niệm 80 năm Ngày truyền thống Công an nhân "
                         "dân (19/8/1945 - 19/8/2025) và 20 năm Ngày hội toàn dân bảo vệ an ninh "
                         "Tổ quốc (19/8/2005 - 19/8/2025)",
                         "2025-02-04", "2025-08-19", "final",
                         "Tổng kết phong trào thi đua", "2025-08-25", error);
  if (phase2 == 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (seed_targets); i++)
    {
      const SeedTarget *t = &seed_targets[i];
      g_autoptr(AnttRecord) target = antt_record_new ("targets");

      antt_record_set_int (target, "campaign_id", campaign_id);
      antt_record_set_string (target, "code", t->code);
      antt_record_set_int (target, "ordinal", i + 1);
      antt_record_set_string (target, "title", t->title);
      antt_record_set_string (target, "description", t->description);
      antt_record_set_string (target, "measure", t->measure);
      antt_record_set_string (target, "comparison", t->comparison);
      antt_record_set_double (target, "threshold", t->threshold);
      antt_record_set_string (target, "scope", t->scope);
      if (antt_records_insert (db, target, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (seed_awards); i++)
    {
      g_autoptr(AnttRecord) award = antt_record_new ("award_levels");
      gint64 id;

      antt_record_set_int (award, "campaign_id", campaign_id);
      antt_record_set_string (award, "code", seed_awards[i].code);
      antt_record_set_int (award, "ordinal", i + 1);
      antt_record_set_string (award, "name", seed_awards[i].name);
      antt_record_set_string (award, "authority", seed_awards[i].authority);
      id = antt_records_insert (db, award, error);
      if (id == 0)
        return FALSE;
      if (g_str_equal (seed_awards[i].code, "province_bk"))
        province_award = id;
    }

  /* Section III.2 of the plan: the provincial chairman's Bằng khen. */
  return insert_cap (db, phase1, province_award, "collective", 20, error)
      && insert_cap (db, phase1, province_award, "individual", 20, error)
      && insert_cap (db, phase2, province_award, "collective", 30, error)
      && insert_cap (db, phase2, province_award, "individual", 30, error);
}

gboolean
antt_seed_default_plan (AnttDatabase  *db,
                        GError       **error)
{
  g_autofree char *user = g_strdup (antt_database_get_user (db));

  antt_database_set_user (db, "thidua-antt");
  if (!antt_database_begin_immediate (db, error))
    return FALSE;

  if (!seed (db, error))
    {
      antt_database_rollback (db);
      antt_database_set_user (db, user);
      return FALSE;
    }

  antt_database_set_user (db, user);
  return antt_database_commit (db, error);
}
