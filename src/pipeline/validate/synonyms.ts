/**
 * Words users write for an ATLAS key or vocabulary value that spelling distance cannot find: a
 * dataset subset's race is `Demographic`, a ROC AUC is `area under the receiver operating
 * characteristic curve`, a DICOM modality code `DX` is `Digital radiography (RID10351)`. Used
 * only to name an allowed key or value in a hint, and only when it is allowed where the word
 * was written.
 */

/** Lower-cased word → the ATLAS key or value it stands for. */
const synonyms: ReadonlyMap<string, string> = new Map([
  // Keys of a dataset subset and partition.
  ['race', 'Demographic'],
  ['ethnicity', 'Demographic'],
  ['race/ethnicity', 'Demographic'],
  ['gender', 'Sex'],
  ['patients', 'Patient count'],
  ['images', 'Image count'],
  ['studies', 'Exam count'],
  ['exams', 'Exam count'],
  ['series', 'Series count'],
  ['sites', 'Site count'],
  ['age', 'Age range'],
  ['split', 'Partition'],
  // Keys of organizations, people and references.
  ['website', 'URL'],
  ['homepage', 'URL'],
  ['web site', 'URL'],
  ['link', 'URL'],
  ['mail', 'Email'],
  ['journal', 'Source'],
  // Values of a subset.
  ['caucasian', 'White'],
  ['african american', 'Black or African American'],
  // Metrics.
  ['auc', 'area under the receiver operating characteristic curve'],
  ['auroc', 'area under the receiver operating characteristic curve'],
  ['roc auc', 'area under the receiver operating characteristic curve'],
  ['roc-auc', 'area under the receiver operating characteristic curve'],
  ['auprc', 'area under the precision-recall curve'],
  ['pr auc', 'area under the precision-recall curve'],
  ['tpr', 'true positive rate'],
  ['fpr', 'false positive rate'],
  ['tnr', 'true negative rate'],
  ['ppv', 'positive predictive value'],
  ['npv', 'negative predictive value'],
  ['f1', 'F1 score'],
  ['iou', 'intersection over union'],
  ['icc', 'intraclass correlation coefficient'],
  ['ece', 'expected calibration error'],
  ['mae', 'mean absolute error'],
  ['mse', 'mean squared error'],
  ['rmse', 'root mean squared error'],
  ['kappa', "Cohen's kappa"],
  ['youden', 'Youden index'],
  ["youden's j", 'Youden index'],
  // DICOM modality codes.
  ['cr', 'Computed radiography (RID10349)'],
  ['dx', 'Digital radiography (RID10351)'],
  ['mg', 'Mammography (RID10357)'],
  ['mr', 'Magnetic resonance imaging (RID10312)'],
  ['pt', 'Positron emission tomography (RID10337)'],
  ['nm', 'Nuclear medicine imaging (RID10330)'],
  ['us', 'Ultrasound (RID10326)'],
  ['rf', 'Fluoroscopy (RID10361)'],
  ['x-ray', 'Projection radiography (RID10345)'],
  ['xray', 'Projection radiography (RID10345)'],
  ['radiograph', 'Projection radiography (RID10345)'],
  // File formats.
  ['nifti', 'NiFTI'],
  ['nii', 'NiFTI'],
  ['jpg', 'JPEG'],
  ['dcm', 'DICOM'],
]);

/**
 * The allowed key or value that `word` names under another name, if it is allowed here.
 * @param word the unknown key or value as written
 * @param allowed the keys or values allowed where it was written
 */
export function synonymOf(word: string, allowed: readonly string[]): string | undefined {
  const meant = synonyms.get(word.trim().toLowerCase());
  return meant !== undefined && allowed.includes(meant) ? meant : undefined;
}
