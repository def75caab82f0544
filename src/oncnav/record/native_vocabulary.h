#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "oncnav/model/patient.h"

namespace oncnav {

// The words of the native record format for each enumerated field. The same tables name the
// values in output, so the record format and the output cannot drift apart.
template <typename E>
using Vocabulary = std::vector<std::pair<std::string_view, E>>;

inline const Vocabulary<Sex> kSexNames = {{"female", Sex::kFemale},
                                          {"male", Sex::kMale},
                                          {"other", Sex::kOther},
                                          {"unknown", Sex::kUnknown}};
inline const Vocabulary<MenopausalStatus> kMenopauseNames = {
    {"premenopausal", MenopausalStatus::kPremenopausal},
    {"perimenopausal", MenopausalStatus::kPerimenopausal},
    {"postmenopausal", MenopausalStatus::kPostmenopausal},
    {"unknown", MenopausalStatus::kUnknown}};
inline const Vocabulary<SpecimenKind> kSpecimenKindNames = {
    {"primary", SpecimenKind::kPrimary},
    {"metastasis", SpecimenKind::kMetastasis},
    {"plasma", SpecimenKind::kPlasma},
    {"blood", SpecimenKind::kBlood},
    {"unknown", SpecimenKind::kUnknown}};
inline const Vocabulary<Presence> kPresenceNames = {{"positive", Presence::kPositive},
                                                    {"negative", Presence::kNegative},
                                                    {"equivocal", Presence::kEquivocal},
                                                    {"unknown", Presence::kUnknown}};
inline const Vocabulary<Her2Ihc> kHer2IhcNames = {
    {"0", Her2Ihc::k0}, {"1+", Her2Ihc::k1Plus}, {"2+", Her2Ihc::k2Plus}, {"3+", Her2Ihc::k3Plus}};
inline const Vocabulary<IshProbe> kProbeNames = {{"dual", IshProbe::kDual},
                                                 {"single", IshProbe::kSingle}};
inline const Vocabulary<GermlineResult> kGermlineNames = {
    {"pathogenic", GermlineResult::kPathogenic},
    {"likely_pathogenic", GermlineResult::kLikelyPathogenic},
    {"vus", GermlineResult::kVus},
    {"negative", GermlineResult::kNegative}};
inline const Vocabulary<std::string_view> kSampleNames = {{"tissue", "tissue"},
                                                          {"plasma", "plasma"}};
inline const Vocabulary<Setting> kSettingNames = {{"neoadjuvant", Setting::kNeoadjuvant},
                                                  {"adjuvant", Setting::kAdjuvant},
                                                  {"metastatic", Setting::kMetastatic}};
inline const Vocabulary<StopReason> kStopReasonNames = {
    {"progression", StopReason::kProgression},
    {"toxicity", StopReason::kToxicity},
    {"completed", StopReason::kCompleted},
    {"patient_choice", StopReason::kPatientChoice},
    {"other", StopReason::kOther}};
inline const Vocabulary<std::string_view> kResponseNames = {
    {"CR", "CR"}, {"PR", "PR"}, {"SD", "SD"},
    {"PD", "PD"}, {"NE", "NE"}, {"non-CR/non-PD", "non-CR/non-PD"}};
inline const Vocabulary<BoneLesionType> kBoneTypeNames = {{"lytic", BoneLesionType::kLytic},
                                                          {"blastic", BoneLesionType::kBlastic},
                                                          {"mixed", BoneLesionType::kMixed}};
inline const Vocabulary<LesionRole> kRoleNames = {{"target", LesionRole::kTarget},
                                                  {"non_target", LesionRole::kNonTarget}};
inline const Vocabulary<NonTargetStatus> kNonTargetStatusNames = {
    {"present", NonTargetStatus::kPresent},
    {"absent", NonTargetStatus::kAbsent},
    {"unequivocal_progression", NonTargetStatus::kUnequivocalProgression},
    {"not_evaluated", NonTargetStatus::kNotEvaluated}};
inline const Vocabulary<PerformanceScale> kScaleNames = {
    {"ecog", PerformanceScale::kEcog}, {"karnofsky", PerformanceScale::kKarnofsky}};
inline const Vocabulary<ProcedureKind> kProcedureNames = {
    {"radiotherapy", ProcedureKind::kRadiotherapy},
    {"surgery", ProcedureKind::kSurgery},
    {"dental_examination", ProcedureKind::kDentalExamination},
    {"biopsy", ProcedureKind::kBiopsy},
    {"other", ProcedureKind::kOther}};
inline const Vocabulary<std::string_view> kLateralityNames = {
    {"left", "left"}, {"right", "right"}, {"bilateral", "bilateral"}};
inline const Vocabulary<std::string_view> kSiteNames = {
    {"bone", "bone"},
    {"lung", "lung"},
    {"liver", "liver"},
    {"brain", "brain"},
    {"pleura", "pleura"},
    {"distant_lymph_node", "distant_lymph_node"},
    {"skin", "skin"},
    {"peritoneum", "peritoneum"},
    {"bone_marrow", "bone_marrow"},
    {"other", "other"}};
inline const Vocabulary<Confirmation> kConfirmationNames = {{"biopsy", Confirmation::kBiopsy},
                                                            {"imaging", Confirmation::kImaging},
                                                            {"clinical", Confirmation::kClinical}};

// The word for `value` in `vocabulary` ("" if absent).
template <typename E>
std::string_view NameOf(const Vocabulary<E>& vocabulary, E value) {
  for (const auto& [name, v] : vocabulary) {
    if (v == value) return name;
  }
  return "";
}

}  // namespace oncnav
