/**
 * Writes the demo content in `content/`: a synthetic chest radiograph triage model with two
 * versions, each with an ATLAS model card, an ATLAS dataset card of its test data, an audit spec,
 * a report and seeded synthetic data.
 *
 * Run with `npm run demo:generate`. The output is committed; the same seed always writes the same
 * bytes, so a diff after running it means the generator changed.
 *
 * The data are invented, shaped to exercise every part of a report: two targets, three common
 * race groups and one small one, two sexes, ages binned, a clear sensitivity gap for female
 * patients in version 1.0 (narrowed in 1.1), a few uncertain labels and unreadable scores that the
 * audit must exclude and count, several images per patient, and feature projections in which one
 * mode encodes sex.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, isScalar, isSeq, visit } from 'yaml';
import { createRandom } from '../src/core/stats/random.ts';

const modelId = 'cxr-triage-demo';
const outRoot = join(import.meta.dirname, '..', 'content', modelId);

interface VersionPlan {
  version: string;
  seed: number;
  /** Separation (in logit units) between positives and negatives, by sex. */
  separation: { Female: number; Male: number };
  updated: string;
  limitations: string;
}

const versions: VersionPlan[] = [
  {
    version: '1.0',
    seed: 20240611,
    separation: { Female: 1.1, Male: 2.4 },
    updated: '2024-06-11',
    limitations:
      'Trained mostly on radiographs of male patients from one site; sensitivity for female ' +
      'patients was not checked before release.',
  },
  {
    version: '1.1',
    seed: 20250302,
    separation: { Female: 2.0, Male: 2.4 },
    updated: '2025-03-02',
    limitations:
      'Retrained with a sex-balanced training set; a smaller sensitivity gap for female patients ' +
      'remains. The Pacific Islander group is too small for firm conclusions.',
  },
];

const imageCount = 2400;
const smallGroupCount = 36;

type Random = () => number;

interface Image {
  id: string;
  patient: string;
  sex: 'Female' | 'Male';
  race: string;
  age: number;
  pneumothorax: string;
  effusion: string;
  pneumothoraxScore: string;
  effusionScore: string;
  featureShift: number;
}

function normal(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function pick<T>(random: Random, items: readonly [T, number][]): T {
  let u = random();
  for (const [item, weight] of items) {
    if (u < weight) return item;
    u -= weight;
  }
  return items[items.length - 1]![0];
}

/** The people and labels are shared by both versions; only the scores differ. */
function sampleImages(random: Random): Omit<Image, 'pneumothoraxScore' | 'effusionScore'>[] {
  const images: Omit<Image, 'pneumothoraxScore' | 'effusionScore'>[] = [];
  let patientNumber = 0;

  while (images.length < imageCount) {
    patientNumber += 1;
    const patient = `P${String(patientNumber).padStart(5, '0')}`;
    const small = patientNumber <= smallGroupCount / 2;
    const race = small
      ? 'Pacific Islander'
      : pick(random, [
          ['White', 0.58],
          ['Black', 0.21],
          ['Asian', 0.21],
        ]);
    const sex = random() < 0.5 ? 'Female' : 'Male';
    const age = Math.min(95, Math.max(18, Math.round(58 + 17 * normal(random))));
    const imagesOfPatient = small ? 2 : 1 + Math.floor(random() * random() * 4);

    for (let k = 0; k < imagesOfPatient && images.length < imageCount; k += 1) {
      images.push({
        id: `IMG${String(images.length + 1).padStart(5, '0')}`,
        patient,
        sex,
        race,
        age,
        pneumothorax: label(random, 0.17),
        effusion: label(random, 0.24),
        featureShift: sex === 'Female' ? 0.9 : -0.9,
      });
    }
  }
  return images;
}

/** A label as radiology report mining writes it: mostly 1/0, a few uncertain (-1). */
function label(random: Random, prevalence: number): string {
  const u = random();
  if (u < 0.015) return '-1';
  return u < prevalence ? '1' : '0';
}

function score(random: Random, positive: boolean, separation: number): string {
  const logit = -1.2 + (positive ? separation : 0) + normal(random);
  return (1 / (1 + Math.exp(-logit))).toFixed(6);
}

function scoreImages(
  random: Random,
  people: Omit<Image, 'pneumothoraxScore' | 'effusionScore'>[],
  plan: VersionPlan,
): Image[] {
  return people.map((image, index) => ({
    ...image,
    pneumothoraxScore:
      index % 797 === 5
        ? ''
        : score(random, image.pneumothorax === '1', plan.separation[image.sex]),
    effusionScore: index % 1201 === 17 ? 'NA' : score(random, image.effusion === '1', 2.0),
  }));
}

function predictionsCsv(images: Image[]): string {
  const header = 'image_id,patient_id,sex,race,age,Pneumothorax,Pleural Effusion,';
  const rows = images.map((image) =>
    [
      image.id,
      image.patient,
      image.sex,
      image.race,
      image.age,
      image.pneumothorax,
      image.effusion,
      image.pneumothoraxScore,
      image.effusionScore,
    ].join(','),
  );
  return `${header}score_pneumothorax,score_pleural_effusion\n${rows.join('\n')}\n`;
}

function featuresCsv(random: Random, images: Image[]): string {
  const rows = images.map((image) => {
    const diseased = image.effusion === '1' ? 1 : 0;
    const mode1 = image.featureShift + 0.4 * diseased + normal(random);
    const mode2 = 0.8 * diseased + normal(random);
    return [image.id, image.sex, image.race, diseased, mode1.toFixed(6), mode2.toFixed(6)].join(
      ',',
    );
  });
  return `image_id,sex,race,disease_label,PCA Mode 1,PCA Mode 2\n${rows.join('\n')}\n`;
}

function card(plan: VersionPlan): object {
  return {
    $schema: 'https://atlas.rsna.org/schemas/2025-11/model.json',
    Model: {
      Name: 'Chest radiograph triage model (synthetic demo)',
      Summary:
        'A fictional model that flags chest radiographs with pneumothorax or pleural effusion ' +
        'for priority reading. Its data are synthetic; it exists to demonstrate auditcard.',
      Link: 'https://example.org/models/cxr-triage-demo',
      Indexing: {
        Content: ['CH', 'ER'],
        RadLex: ['RID5352'],
        Keywords: ['Chest radiography', 'Triage', 'Subgroup audit', 'Synthetic data'],
      },
      Descriptors: {
        Authors: [
          { Name: 'Ada Example', Email: 'ada@example.org' },
          { Name: 'Grace Sample', ORCID: 'https://orcid.org/0000-0002-1825-0097' },
        ],
        Organizations: [{ Name: 'Example Imaging Lab', URL: 'https://example.org/lab' }],
        Version: plan.version,
        License: { Text: 'CC BY 4.0', URL: 'https://creativecommons.org/licenses/by/4.0/' },
        Funding: 'None: a demonstration with invented data.',
        'Ethical review': 'Not applicable: no patient data were used.',
        Date: { Created: '2024-01-15', Published: 2024, Updated: plan.updated },
        References: [
          {
            Authors: 'Glocker B, Jones C, Roschewitz M, Winzeck S',
            Title: 'Risk of Bias in Chest Radiography Deep Learning Foundation Models',
            Source: 'Radiology: Artificial Intelligence. 2023;5(6):e230060',
            DOI: '10.1148/ryai.230060',
            PMID: 38074789,
            PMCID: 'PMC10698597',
            Notes: 'The audit method this demo follows.',
          },
        ],
      },
      Imaging: {
        Modalities: ['Digital radiography (RID10351)'],
        Procedures: [{ Name: 'XR Chest 1 View', LOINC: '36554-4' }],
        'File format': ['DICOM'],
      },
      'Model properties': {
        Architecture: 'Convolutional network (DenseNet-121) with two sigmoid outputs.',
        'Decision threshold':
          'Chosen on the whole test sample to give a false positive rate of 0.20.',
        'Indications for use': 'Adult frontal chest radiographs in the emergency department.',
        Input: 'Frontal chest radiograph, DICOM.',
        Limitations: plan.limitations,
        Output: {
          Description: 'Two probabilities: pneumothorax and pleural effusion.',
          CDEs: ['RDE2722'],
        },
        Use: { Intended: ['Triage'], Excluded: ['Autonomous diagnosis'] },
        User: { Intended: ['Radiologist'], 'Out-of-scope': ['Patient'] },
      },
    },
  };
}

const auditSpec = `# Audit of the synthetic triage model: two findings, subgroups by sex, race and age.
data: predictions.csv
id: patient_id # several images per patient; the bootstrap resamples whole patients
targets:
  - name: Pneumothorax
    label: { column: Pneumothorax, positive: [1], negative: [0] }
    score: score_pneumothorax
  - name: Pleural Effusion
    label: { column: Pleural Effusion, positive: [1], negative: [0] }
    score: score_pleural_effusion
groups:
  - { column: sex, values: [Female, Male], reference: Male }
  - { column: race, values: [White, Black, Asian, Pacific Islander], reference: White }
  - { column: age, bins: [18, 40, 60, 80, 96] }
operatingPoint: { targetFpr: 0.2, convention: full-curve }
bootstrap: { replicates: 1000, level: 0.95, seed: 7 }
projections:
  - data: features.csv
    source: Triage model features
    columns: [PCA Mode 1, PCA Mode 2]
    comparisons:
      - [disease_label=1, disease_label=0]
      - [sex=Female, sex=Male]
      - [race=Black, race=White]
      - [race=Asian, race=White]
    adjust: BY
dataset: dataset.yaml # the ATLAS card of the data audited (the version folder's own is the default)
`;

type Person = Omit<Image, 'pneumothoraxScore' | 'effusionScore'>;

/** ATLAS names of the demo's race groups (`Demographic` of a dataset subset). */
const demographics: Record<string, string> = {
  White: 'White',
  Black: 'Black or African American',
  Asian: 'Asian',
  'Pacific Islander': 'Native Hawaiian or Pacific Islander',
};

/** Patient and image counts of the images that satisfy `keep`. */
function counts(images: Person[], keep: (image: Person) => boolean) {
  const kept = images.filter(keep);
  return {
    'Patient count': new Set(kept.map((image) => image.patient)).size,
    'Image count': kept.length,
  };
}

/** The ATLAS dataset card of the test set, its counts taken from the generated images. */
function datasetCard(images: Person[]): string {
  const ages = images.map((image) => image.age);
  const uncertain = images.filter(
    (image) => image.pneumothorax === '-1' || image.effusion === '-1',
  ).length;
  const card = {
    $schema: 'https://atlas.rsna.org/schemas/2025-11/dataset.json',
    Dataset: {
      Name: 'Synthetic chest radiograph test set (demo)',
      Link: 'https://example.org/datasets/cxr-triage-demo-test',
      Indexing: {
        Content: ['CH'],
        RadLex: ['RID5352'],
        Keywords: ['Chest radiography', 'Test set', 'Synthetic data'],
      },
      Descriptors: {
        Authors: [{ Name: 'Ada Example', Email: 'ada@example.org' }],
        Organizations: [{ Name: 'Example Imaging Lab', URL: 'https://example.org/lab' }],
        Version: '2024.1',
        License: { Text: 'CC0 1.0', URL: 'https://creativecommons.org/publicdomain/zero/1.0/' },
        'Ethical review': 'Not applicable: the images, patients and labels are invented.',
        Date: { Created: '2024-05-20', Published: 2024 },
        Comments: 'Generated by scripts/generate-demo.ts with a fixed seed.',
      },
      'Dataset properties': {
        Motivation: 'To demonstrate a subgroup audit; no real patient is represented.',
        Sampling:
          'Patients drawn at random with sex, race and age distributions chosen for the demo, ' +
          `plus ${smallGroupCount / 2} patients of a deliberately small group.`,
        'Relationships between instances':
          'Several images per patient; the audit resamples whole patients.',
        'Missing information':
          `${uncertain} images have an uncertain label (-1) for a finding; a few scores are ` +
          'missing or unreadable. The audit excludes and counts them.',
        'Re-identification': 'None possible: no real person is represented.',
      },
      Imaging: {
        Modalities: ['Digital radiography (RID10351)'],
        Procedures: [{ Name: 'XR Chest 1 View', LOINC: '36554-4' }],
        'File format': ['DICOM'],
        'Burned-in PHI': 'No',
      },
      Partitions: [
        {
          Partition: 'Test',
          Total: {
            'Site count': 1,
            ...counts(images, () => true),
            'Age range': [
              [Math.min(...ages), 'years'],
              [Math.max(...ages), 'years'],
            ],
          },
          Subsets: [
            ...(['Female', 'Male'] as const).map((sex) => ({
              Sex: sex,
              ...counts(images, (image) => image.sex === sex),
            })),
            ...Object.entries(demographics).map(([race, demographic]) => ({
              Demographic: demographic,
              ...counts(images, (image) => image.race === race),
            })),
          ],
          Comments: 'The audit of each model version uses this whole test set.',
        },
      ],
    },
  };
  // Short lists and age bounds read best on one line, as a person would write them.
  const document = new Document(card);
  visit(document, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item) || isSeq(item))) node.flow = true;
    },
  });
  const header =
    "# ATLAS dataset card of the demo's synthetic test set (scripts/generate-demo.ts).";
  return `${header}\n${document.toString({ lineWidth: 100 })}`;
}

function report(plan: VersionPlan): string {
  const gap = plan.version === '1.0' ? 'a clear' : 'a smaller';
  return `# About this audit

This is a **synthetic** example. The images, patients and scores were generated by
\`scripts/generate-demo.ts\`; no patient data were used.

Version ${plan.version} shows ${gap} gap in pneumothorax sensitivity between female and male
patients at the shared operating point (false positive rate 0.20 on the whole sample).[^method]

## Reading the tables

- Intervals are 95% bootstrap percentile intervals, stratified by label.
- The *Pacific Islander* group has only ${smallGroupCount} images: its intervals are wide.
- Rows with an uncertain label (\`-1\`) or no score are excluded and counted above the tables.

[^method]: Following Glocker et al., Radiology: Artificial Intelligence 2023.
`;
}

async function main(): Promise<void> {
  const people = sampleImages(createRandom(1));

  for (const plan of versions) {
    const random = createRandom(plan.seed);
    const images = scoreImages(random, people, plan);
    const folder = join(outRoot, plan.version);
    await mkdir(folder, { recursive: true });

    await writeFile(join(folder, 'card.json'), `${JSON.stringify(card(plan), null, 2)}\n`);
    await writeFile(join(folder, 'audit.yaml'), auditSpec);
    await writeFile(join(folder, 'dataset.yaml'), datasetCard(people));
    await writeFile(join(folder, 'report.md'), report(plan));
    await writeFile(join(folder, 'predictions.csv'), predictionsCsv(images));
    await writeFile(join(folder, 'features.csv'), featuresCsv(random, images));
  }
}

await main();
