import { CHAT_OFF_TOPIC, CHAT_ON_TOPIC } from './evalSetChat.js';
import { CONTEXT_OFF_TOPIC, CONTEXT_ON_TOPIC } from './evalSetContext.js';
import { ROUND3_OFF_TOPIC, ROUND3_ON_TOPIC } from './evalSetRound3.js';

/**
 * Evaluation set for the FAQ search, written the way clinicians type in chat: lower case,
 * abbreviations, typos, no question marks. These are deliberately NOT copied into faq.yaml
 * phrasings, so the figures measure generalisation, not recall of the training text.
 */

/** An on-topic question and the FAQ entry that should answer it. */
export interface OnTopicCase {
  q: string;
  id: string;
}

/** On-topic questions, grouped by the expected entry. */
const BASE_ON_TOPIC: readonly OnTopicCase[] = [
  // ct-with-contrast
  { q: 'contrast CT ok instead', id: 'ct-with-contrast' },
  { q: 'can i just do a ct with iv contrast', id: 'ct-with-contrast' },
  { q: 'why not contrast enhanced ct', id: 'ct-with-contrast' },
  { q: 'ct w contrast good enough to see an epidural abscess?', id: 'ct-with-contrast' },
  { q: 'cat scan with dye instead of mr', id: 'ct-with-contrast' },

  // mri-contraindication
  { q: 'pacemaker what now', id: 'mri-contraindication' },
  { q: 'pt has non mri compatible pacer, alternatives?', id: 'mri-contraindication' },
  { q: 'mri contraindicated what else can we do', id: 'mri-contraindication' },
  { q: 'cant get mri because of implanted device', id: 'mri-contraindication' },
  { q: 'patient cannot have an MRI', id: 'mri-contraindication' },
  { q: 'old pacemaker not mri safe, options', id: 'mri-contraindication' },

  // sclerotic-endplates
  { q: 'sclerotic endplates on ct still need mri?', id: 'sclerotic-endplates' },
  { q: 'ct says endplate sclerosis probably degenerative, do we still scan', id: 'sclerotic-endplates' },
  { q: 'sclerosis of end plates changes the plan?', id: 'sclerotic-endplates' },
  { q: 'endplaet sclerosis on ct', id: 'sclerotic-endplates' },
  { q: 'sclerotic end plates but febrile with high crp', id: 'sclerotic-endplates' },

  // urgency-neuro-intact
  { q: 'can the mri wait till monday', id: 'urgency-neuro-intact' },
  { q: 'how urgent is mri if neuro exam normal', id: 'urgency-neuro-intact' },
  { q: 'neuro intact, mri today or tomorrow?', id: 'urgency-neuro-intact' },
  { q: 'timeframe for mri no deficits', id: 'urgency-neuro-intact' },
  { q: 'does the mri need to be done within 24h', id: 'urgency-neuro-intact' },
  { q: 'how soon mri neurologically intact pt', id: 'urgency-neuro-intact' },

  // spine-level
  { q: 'whole spine or just lumbar', id: 'spine-level' },
  { q: 'which level should we image', id: 'spine-level' },
  { q: 'cervical vs thoracic mri does it matter', id: 'spine-level' },
  { q: 'pain all over the back, image entire spine?', id: 'spine-level' },
  { q: 'poorly localised symptoms what region to scan', id: 'spine-level' },

  // pitfall-non-contrast-mri
  { q: 'is a plain mri enough', id: 'pitfall-non-contrast-mri' },
  { q: 'mri without gad ok?', id: 'pitfall-non-contrast-mri' },
  { q: 'radiology only did non contrast mri is that fine', id: 'pitfall-non-contrast-mri' },
  { q: 'noncontrast mri spine enough to rule out infection', id: 'pitfall-non-contrast-mri' },
  { q: 'mri w/o contrast sufficient', id: 'pitfall-non-contrast-mri' },

  // pitfall-delay
  { q: 'what happens if we delay the mri', id: 'pitfall-delay' },
  { q: 'risk of postponing mri', id: 'pitfall-delay' },
  { q: 'mri delayed how bad is that', id: 'pitfall-delay' },
  { q: 'why cant the mri be deferred', id: 'pitfall-delay' },
  { q: 'new neuro symptoms, should mri be emergent', id: 'pitfall-delay' },

  // pitfall-post-operative
  { q: 'post op spine pt enhancement normal?', id: 'pitfall-post-operative' },
  { q: 'had a fusion 2 months ago, enhancement around hardware infection?', id: 'pitfall-post-operative' },
  { q: 'after laminectomy how to tell infection from postoperative change', id: 'pitfall-post-operative' },
  { q: 'post-surgical enhancement how long does it last', id: 'pitfall-post-operative' },

  // why-not-fdg-pet
  { q: 'why not pet ct', id: 'why-not-fdg-pet' },
  { q: 'fdg pet instead of mri?', id: 'why-not-fdg-pet' },
  { q: 'is PET scan good for spine infection', id: 'why-not-fdg-pet' },
  { q: 'pet/ct radiation', id: 'why-not-fdg-pet' },

  // why-not-bone-scan
  { q: 'bone scan instead', id: 'why-not-bone-scan' },
  { q: 'why is the triple phase bone scan not preferred', id: 'why-not-bone-scan' },
  { q: 'nuc med bone scan for osteo?', id: 'why-not-bone-scan' },
  { q: 'can bone scintigraphy rule out epidural abscess', id: 'why-not-bone-scan' },

  // why-mri-with-contrast
  { q: 'why do we need gadolinium', id: 'why-mri-with-contrast' },
  { q: 'what does the contrast add on mri', id: 'why-mri-with-contrast' },
  { q: 'why with and without contrast', id: 'why-mri-with-contrast' },
  { q: 'point of post contrast t1 fat sat', id: 'why-mri-with-contrast' },
  { q: 'why both pre and post gad sequences', id: 'why-mri-with-contrast' },

  // ddx-discitis-osteomyelitis
  { q: 'what is discitis osteomyelitis', id: 'ddx-discitis-osteomyelitis' },
  { q: 'vertebral osteo explained', id: 'ddx-discitis-osteomyelitis' },
  { q: 'is discitis the most common dx here', id: 'ddx-discitis-osteomyelitis' },
  { q: 'disc space infection what is it', id: 'ddx-discitis-osteomyelitis' },

  // ddx-epidural-abscess
  { q: 'tell me about SEA', id: 'ddx-epidural-abscess' },
  { q: 'what is a spinal epidural abscess', id: 'ddx-epidural-abscess' },
  { q: 'epidural abscess without discitis possible?', id: 'ddx-epidural-abscess' },
  { q: 'can an epidural absess have normal xrays', id: 'ddx-epidural-abscess' },

  // ddx-malignancy
  { q: 'could this be mets instead of infection', id: 'ddx-malignancy' },
  { q: 'myeloma vs infection', id: 'ddx-malignancy' },
  { q: 'tumour mimicking discitis', id: 'ddx-malignancy' },
  { q: 'destructive vertebral lesion cancer or infection', id: 'ddx-malignancy' },

  // ddx-degenerative-modic
  { q: 'modic 1 vs infection', id: 'ddx-degenerative-modic' },
  { q: 'could it just be degenerative disc disease', id: 'ddx-degenerative-modic' },
  { q: 'ddd with marrow edema mimicking osteomyelitis?', id: 'ddx-degenerative-modic' },
  { q: 'modik changes', id: 'ddx-degenerative-modic' },

  // inclusion-criteria
  { q: 'who is this pathway for', id: 'inclusion-criteria' },
  { q: 'does my patient qualify', id: 'inclusion-criteria' },
  { q: 'what are the inclusion criteria here', id: 'inclusion-criteria' },
  { q: 'which patients fit this tool', id: 'inclusion-criteria' },
  { q: 'ivdu with fever and abnormal xray is this the right pathway', id: 'inclusion-criteria' },

  // exclusions
  { q: 'when should i not use this', id: 'exclusions' },
  { q: 'who is excluded', id: 'exclusions' },
  { q: 'no imaging done yet, can i still use the pathway', id: 'exclusions' },
  { q: 'exclusion criteria', id: 'exclusions' },

  // recommendation
  { q: 'what imaging next', id: 'recommendation' },
  { q: 'abnormal xray what scan to order', id: 'recommendation' },
  { q: 'whats the acr recommendation', id: 'recommendation' },
  { q: 'best test after abnormal ct', id: 'recommendation' },
  { q: 'which modality does acr rate usually appropriate', id: 'recommendation' },

  // after-mri-positive
  { q: 'mri positive for discitis what now', id: 'after-mri-positive' },
  { q: 'abscess on mri next steps', id: 'after-mri-positive' },
  { q: 'mri confirms osteomyelitis who do i call', id: 'after-mri-positive' },
  { q: 'do they need a biopsy after a positive mri', id: 'after-mri-positive' },
  { q: 'admit for iv abx after mri shows infection?', id: 'after-mri-positive' },

  // after-mri-negative
  { q: 'mri negative what next', id: 'after-mri-negative' },
  { q: 'mri normal but xray abnormal', id: 'after-mri-negative' },
  { q: 'no infection on mri now what', id: 'after-mri-negative' },
  { q: 'negative mri still worried', id: 'after-mri-negative' },

  // after-mri-indeterminate
  { q: 'equivocal mri what do we do', id: 'after-mri-indeterminate' },
  { q: 'mri inconclusive', id: 'after-mri-indeterminate' },
  { q: 'indeterminate mri follow up', id: 'after-mri-indeterminate' },
  { q: 'unclear mri result repeat scan?', id: 'after-mri-indeterminate' },

  // cord-compression-emergency
  { q: 'mri shows cord compression', id: 'cord-compression-emergency' },
  { q: 'large epidural abscess compressing the cord', id: 'cord-compression-emergency' },
  { q: 'SEA with cord compression who to call', id: 'cord-compression-emergency' },
  { q: 'spinal cord compresed on mri what now', id: 'cord-compression-emergency' },

];

/** Questions the bot must never answer with clinical content. */
const BASE_OFF_TOPIC: readonly string[] = [
  'how do I reset my password?',
  'dose of vancomycin',
  'chest pain workup',
  "what's the weather",
  'what is the vancomycin trough target',
  'how do i book annual leave',
  'ceftriaxone dose for meningitis',
  'best imaging for appendicitis',
  'ct head for headache',
  'knee mri for meniscus tear',
  'mri brain for stroke',
  'pneumonia antibiotics',
  'lumbar puncture technique',
  'dvt prophylaxis',
  'who won the game last night',
  'what time does the cafeteria open',
  'tell me a joke',
  'how do i log into epic',
  'uti treatment in pregnancy',
  'potassium replacement protocol',
  // Other conditions that share a word or two with this FAQ: the hardest kind to decline.
  'ct abdomen with contrast',
  'admission criteria for cellulitis',
  'lumbar disc herniation mri',
  'thoracic aortic aneurysm',
  'contrast allergy premedication',
  'mri for ms lesions',
  'epidural steroid injection',
  'antibiotic dose for pneumonia',
];

/** On-topic questions: the original set and the chat-style additions of issue 15. */
export const ON_TOPIC: readonly OnTopicCase[] = [...BASE_ON_TOPIC, ...CHAT_ON_TOPIC, ...CONTEXT_ON_TOPIC, ...ROUND3_ON_TOPIC];

/** Questions the bot must never answer with clinical content. */
export const OFF_TOPIC: readonly string[] = [...BASE_OFF_TOPIC, ...CHAT_OFF_TOPIC, ...CONTEXT_OFF_TOPIC, ...ROUND3_OFF_TOPIC];
