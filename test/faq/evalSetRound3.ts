/**
 * Tuning questions added in round 3 of issue 15, written to check that each round-3 mechanism
 * generalises beyond the held-out v2 questions that showed it was missing (none of these copies a
 * v2 question): result words describing another subject, a finding naming what a study is for,
 * "?X", "whether", repeats of the MRI, post-operative patients, new wordings of deficits and intact
 * examinations, waits about another study, scope questions stating a deficit, context after the
 * asking clause, everyday words, and other subjects typed as context. Tuning only: the frozen
 * held-out set is test/faq/heldOut3.yaml.
 */
import type { OnTopicCase } from './evalSet.js';

/** On-topic questions and the entry that should answer each. */
export const ROUND3_ON_TOPIC: readonly OnTopicCase[] = [
  // A result word after another subject describes that subject, not the MRI.
  { q: 'MRI positive for L2-3 discitis, cultures negative so far. who do we call', id: 'after-mri-positive' },
  { q: 'mri: epidural abscess at L5, no cord compression, labs otherwise normal. next?', id: 'after-mri-positive' },
  { q: 'mri came back negative but crp is still climbing, what now', id: 'after-mri-negative' },
  { q: 'mri w/wo: no evidence of discitis or epidural abscess. next step', id: 'after-mri-negative' },
  { q: 'mri shows thoracic discitis with a small abscess; reflexes brisk but power normal. plan?', id: 'after-mri-positive' },
  // A finding right before the study says what the study is for.
  { q: 'what does gad add to a discitis mri protocol', id: 'why-mri-with-contrast' },
  { q: 'is an abscess mri without contrast good enough', id: 'pitfall-non-contrast-mri' },
  // A result stated before a repeat of the MRI is that MRI's.
  { q: 'report reads possible early discitis. should we repeat the mri in a week?', id: 'after-mri-indeterminate' },
  { q: 'radiologist called it equivocal, do we rescan or biopsy', id: 'after-mri-indeterminate' },
  // Post-operative patients: the pitfall, not the result branches.
  { q: 'microdiscectomy 6 weeks ago, mri shows enhancement at the disc. infection or post op change?', id: 'pitfall-post-operative' },
  { q: 'how long does enhancement last after a spinal fusion', id: 'pitfall-post-operative' },
  // Deficits and intact examinations in other words.
  { q: 'pins and needles in both legs since this afternoon, is an mri tomorrow ok', id: 'pitfall-delay' },
  { q: 'new paresthesias in her feet tonight, how fast does the mri need to be', id: 'pitfall-delay' },
  { q: 'moving all four limbs, strength normal. mri tomorrow morning fine?', id: 'urgency-neuro-intact' },
  { q: 'walking normally, no numbness or weakness. how urgent is the mri', id: 'urgency-neuro-intact' },
  // MRI impossible, with "isn't" and other reasons.
  { q: "the ICD isn't MR conditional, what imaging then", id: 'mri-contraindication' },
  { q: 'metal fragment in his eye from welding so no mri. options?', id: 'mri-contraindication' },
  // The wait is about the study named with it.
  { q: 'CT showed disc space narrowing at T11-12. MRI is booked for Thursday, is that acceptable?', id: 'urgency-neuro-intact' },
  { q: 'mri is full until next week, is a contrast ct an acceptable stand in?', id: 'ct-with-contrast' },
  // Scope questions that state a deficit or prior surgery.
  { q: 'is this pathway for a pt with urinary retention and leg weakness', id: 'exclusions' },
  { q: 'does this apply if he had a laminectomy in the spring', id: 'exclusions' },
  { q: 'which patients is this workflow designed for', id: 'inclusion-criteria' },
  // Context after the asking clause, or around it.
  { q: 'what scan should we get? diabetic on prednisone, xray shows endplate irregularity at L4', id: 'recommendation' },
  { q: 'MRI w and w/o negative for infection; she is on methotrexate. What is the follow up plan?', id: 'after-mri-negative' },
  { q: 'penicillin allergic and on warfarin - anyway, what imaging is recommended after an abnormal xr', id: 'recommendation' },
  // Everyday words around a clear question.
  { q: 'why not just do a contrast ct, its much quicker', id: 'ct-with-contrast' },
  { q: 'honestly is a non contrast mri good enough here', id: 'pitfall-non-contrast-mri' },
  { q: 'what harm could come from putting the mri off until next week', id: 'pitfall-delay' },
  { q: 'why does a bone scan rank below mri for this', id: 'why-not-bone-scan' },
  // Whole questions in the style of a referral, each checked after the mechanisms above landed.
  { q: '55M with DM and IVDU, fever 39, focal lumbar tenderness, ESR 110, xray shows L3-4 disc space narrowing. What imaging do you recommend next?', id: 'recommendation' },
  { q: 'CT from the ED shows endplate irregularity at T10-11 in a febrile patient with MRSA bacteremia. Which study should I order?', id: 'recommendation' },
  { q: 'Our MRI is booked solid. Would a contrast-enhanced CT be an acceptable substitute to look for an epidural abscess?', id: 'ct-with-contrast' },
  { q: 'Patient has a cochlear implant and cannot go into the MRI. What should we get?', id: 'mri-contraindication' },
  { q: 'Why isnt a nuclear medicine bone scan good enough to rule out an epidural abscess?', id: 'why-not-bone-scan' },
  { q: 'Patient is neurologically intact. Does the MRI need to be done tonight or can it be done within a day?', id: 'urgency-neuro-intact' },
  { q: 'Back pain is diffuse and hard to localize. Which part of the spine should be imaged?', id: 'spine-level' },
  { q: 'MRI confirms a ventral epidural abscess compressing the thecal sac with cord signal change. Who do I call?', id: 'cord-compression-emergency' },
  { q: 'MRI with and without contrast is completely normal. What should we consider next?', id: 'after-mri-negative' },
  { q: 'Is this pathway appropriate for a patient two weeks after spinal fusion surgery?', id: 'exclusions' },
  { q: 'My patient is claustrophobic and refuses the MRI even with sedation. Options?', id: 'mri-contraindication' },
  { q: 'Radiology says the MRI findings are nonspecific. Do we repeat it or go to biopsy?', id: 'after-mri-indeterminate' },
  // A history typed as context (a cancer's site, a disease) is context, not another subject.
  { q: 'hx breast cancer and diabetes, ct shows lytic L2 lesion and fever, what imaging next?', id: 'recommendation' },
  { q: '62M with diabetes, fever and back pain, xray shows endplate erosion. what scan?', id: 'recommendation' },
  // Questions a reader of the source might ask, each entry in its own words.
  { q: 'What does rim enhancement on MRI mean?', id: 'why-mri-with-contrast' },
  { q: 'Is a whole-spine MRI needed if there are skip lesions?', id: 'spine-level' },
  { q: 'After an equivocal MRI, how soon should we repeat it?', id: 'after-mri-indeterminate' },
  { q: 'Does the patient need to be admitted after a positive MRI?', id: 'after-mri-positive' },
  { q: 'Which test is rated best once the lumbar x-ray comes back suspicious for infection?', id: 'recommendation' },
  // Results reported in full sentences, negations and contrasts included.
  { q: '45F IVDU, fever, CRP 200. MRI done overnight: no abscess, no discitis, just muscle strain. What now?', id: 'after-mri-negative' },
  { q: 'MRI results: L1-2 discitis, no epidural collection, cord normal. Next step?', id: 'after-mri-positive' },
  { q: 'MRI: findings could represent early discitis or Modic 1 change. What next?', id: 'after-mri-indeterminate' },
  { q: 'No abscess was seen, but the MRI did show osteomyelitis. Next?', id: 'after-mri-positive' },
  { q: 'Spinal cord is compressed by an epidural abscess at C5 on the MRI, patient is still walking. What do we do?', id: 'cord-compression-emergency' },
  // Identifiers with a title.
  { q: "Dr. Okafor's patient, mri + for osteomyelitis T8, next steps", id: 'after-mri-positive' },
];

/** Questions that must be declined: other subjects typed with this FAQ's words. */
export const ROUND3_OFF_TOPIC: readonly string[] = [
  'how much will the patient pay for the spine mri',
  'pacemaker pt needs a cardiac mri, alternatives?',
  'brain mri shows a ring enhancing lesion. next step?',
  'mri knee shows osteomyelitis, next?',
  'what is the prognosis after a spinal epidural abscess',
  'how long will she stay in hospital with discitis',
  'what gauge needle for the disc biopsy',
  'can discitis spread to family members',
  'can the patient eat before the contrast mri',
  'dose of gadolinium for a 90 kg man',
  'can we do the contrast mri while she is breastfeeding',
  'septic knee, mri or aspirate first',
  'ct head for headache and fever',
  'does the mri need a consent form',
  'what are the typical mri findings of a brain abscess',
  'What imaging is recommended for suspected metastatic cord compression?',
  'How is a CT-guided disc biopsy performed?',
  'What lab tests support the diagnosis of spine infection?',
  'What antibiotics should be started for vertebral osteomyelitis?',
  'Best imaging for suspected cauda equina syndrome from a disc herniation?',
  "What's the best imaging for suspected spinal cord infarction?",
];
