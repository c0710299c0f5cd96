/**
 * Tuning questions added for issue 15, written the way clinicians type in chat: clinical context
 * first, shorthand, MRI results in plain words, intents, identifiers. Tuning only: the frozen
 * held-out set is test/faq/heldOut.yaml.
 */
import type { OnTopicCase } from './evalSet.js';

/** On-topic chat-style questions and the entry that should answer each. */
export const CHAT_ON_TOPIC: readonly OnTopicCase[] = [
  // intent: order
  { q: 'pt w fever and focal back pain, ct w endplate erosion, what should i order', id: 'recommendation' },
  { q: 'xray equivocal for discitis - which test do i send next', id: 'recommendation' },
  { q: 'what do we order after abnormal c spine films', id: 'recommendation' },
  { q: 'what imaging should i get for suspected spine infxn after an abnl ct', id: 'recommendation' },
  { q: 'which study should be ordered next', id: 'recommendation' },
  // intent: result
  { q: 'mri shows L2-3 discitis, what do i do now', id: 'after-mri-positive' },
  { q: 'mri c/w osteomyelitis and a small phlegmon, next?', id: 'after-mri-positive' },
  { q: 'MRI +ve for spondylodiscitis, no collection. who should see the pt', id: 'after-mri-positive' },
  { q: 'mri positive for infection but no abscess, plan', id: 'after-mri-positive' },
  { q: 'epidural abscess seen on mri without cord compression, next steps', id: 'after-mri-positive' },
  { q: 'mri w wo contrast negative, what now', id: 'after-mri-negative' },
  { q: 'post gad mri didnt show any enhancement or collection', id: 'after-mri-negative' },
  { q: 'mri was normal, xray still looks abnormal, what next', id: 'after-mri-negative' },
  { q: 'mri no evidence of infection - now what do we do', id: 'after-mri-negative' },
  { q: 'mri report: cannot rule out early osteomyelitis, next step', id: 'after-mri-indeterminate' },
  { q: 'mri nondiagnostic, possible discitis vs modic', id: 'after-mri-indeterminate' },
  { q: 'the mri was borderline, do we repeat it', id: 'after-mri-indeterminate' },
  { q: 'mri shows SEA compressing the cord at C5, plan?', id: 'cord-compression-emergency' },
  { q: 'mri: epidural abscess with severe cord compression, who do i escalate to', id: 'cord-compression-emergency' },
  // intent: urgency
  { q: 'does the mri have to be tonight or can it be done in the morning', id: 'urgency-neuro-intact' },
  { q: 'pt neurologically intact, ok to hold off mri until monday?', id: 'urgency-neuro-intact' },
  { q: 'how quickly do we need the scan, no neuro deficits', id: 'urgency-neuro-intact' },
  { q: 'can we wait for the outpatient slot next week', id: 'urgency-neuro-intact' },
  { q: 'pt developed leg weakness overnight, can the mri wait', id: 'pitfall-delay' },
  { q: 'new foot drop, how soon should the mri be done', id: 'pitfall-delay' },
  // MRI not possible, shorthand
  { q: 'pt w/ AICD thats not mr conditional, what imaging instead', id: 'mri-contraindication' },
  { q: 'ppm not mri safe - ct myelo?', id: 'mri-contraindication' },
  { q: 'claustrophobic pt refuses mri, other options', id: 'mri-contraindication' },
  { q: 'hx ivdu, cant have mri due to shrapnel, alternatives', id: 'mri-contraindication' },
  // identifiers typed in
  { q: 'MRN 99887766 mri positive for discitis next steps', id: 'after-mri-positive' },
  { q: 'Jones, neuro intact, can mri wait till tmrw', id: 'urgency-neuro-intact' },
  { q: 'pt Hernandez has a pacemaker, cannot have MRI, what now', id: 'mri-contraindication' },
  { q: 'dob 1/2/1950 what imaging is recommended next', id: 'recommendation' },
  // shorthand and typos
  { q: 'w/u for SEA: is a non-con mri ok', id: 'pitfall-non-contrast-mri' },
  { q: 'h/o degen disc dz, modic 1 or osteo?', id: 'ddx-degenerative-modic' },
  { q: 'can mets look like discitis on ct', id: 'ddx-malignancy' },
  { q: 'why is a bone scna not good enough', id: 'why-not-bone-scan' },
  { q: 'sclerotic endplaetes on ct, still mri?', id: 'sclerotic-endplates' },
  // second batch (context first, plain-word results)
  { q: '62M ivdu, febrile, esr 90, lumbar xr w endplate irregularity. what imaging do u recommend', id: 'recommendation' },
  { q: 'ED attending here - suspect discitis after abnl t spine ct, what scan should i request', id: 'recommendation' },
  { q: 'what mri should i order for suspected spinal infection', id: 'recommendation' },
  { q: 'next step after an equivocal lumbar xray in a febrile pt?', id: 'recommendation' },
  { q: 'the mri is back and shows L5-S1 discitis with a psoas abscess. next?', id: 'after-mri-positive' },
  { q: 'mri results: osteomyelitis T10-11, no epidural collection. who needs to see pt', id: 'after-mri-positive' },
  { q: 'mri shows no sign of infection, what else could it be', id: 'after-mri-negative' },
  { q: 'mri came back normal but ct was abnormal. next steps', id: 'after-mri-negative' },
  { q: 'mri nonspecific endplate enhancement, could be modic or early infection. plan?', id: 'after-mri-indeterminate' },
  { q: 'radiology cant tell if its infection on the mri, what do we do', id: 'after-mri-indeterminate' },
  { q: 'mri: ventral epidural abscess effacing the cord', id: 'cord-compression-emergency' },
  { q: 'mri tonight or is tomorrow ok, exam nonfocal', id: 'urgency-neuro-intact' },
  { q: 'is it ok to get the mri on monday if neuro fine', id: 'urgency-neuro-intact' },
  { q: 'how urgent is this mri', id: 'urgency-neuro-intact' },
  { q: 'new saddle anesthesia, does the mri need to be now', id: 'pitfall-delay' },
  { q: 'pt has a spinal cord stimulator thats not mri safe, what now', id: 'mri-contraindication' },
  { q: 'cochlear implant, cant do mri, next best imaging?', id: 'mri-contraindication' },
  { q: 'only got a non contrast mri, is that ok', id: 'pitfall-non-contrast-mri' },
  { q: 'should the mri be with gad', id: 'why-mri-with-contrast' },
  { q: 'ct with iv contrast vs mri for sea', id: 'ct-with-contrast' },
  { q: 'can a pet ct replace the mri', id: 'why-not-fdg-pet' },
  { q: 'ct shows sclerosis at the endplates, is mri still needed', id: 'sclerotic-endplates' },
  { q: 'ddx for destructive vertebral lesion - mets vs infection', id: 'ddx-malignancy' },
  { q: 'how do i tell modic changes from discitis', id: 'ddx-degenerative-modic' },
  { q: 'which part of the spine should the mri cover', id: 'spine-level' },
  { q: 'does this apply to someone 2 weeks after a laminectomy', id: 'exclusions' },
];

/** Chat-style questions that must be declined (treatment, contrast safety, other conditions). */
export const CHAT_OFF_TOPIC: readonly string[] = [
  'how many weeks of iv abx for spinal epidural abscess',
  'best empiric antibiotic for discitis',
  'rifampin for spinal hardware infection',
  'gadolinium in dialysis patients',
  'contrast reaction management',
  'steroids for spinal cord compression',
  'mri for suspected cord compression from metastatic cancer',
  'how to consent for a ct guided biopsy',
  'MRN 12345678 what is the potassium',
  'when to stop vancomycin',
  'how do i order an mri in epic',
  'xray for ankle fracture',
  'how many days of abx',
  'what dose of vanc for osteo',
  'should we start steroids',
  'mri brain w wo for abscess',
  'how do i get nsgy to see the pt faster',
  'can i give gad if the pt is on dialysis',
];
