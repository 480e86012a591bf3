# Idiom seen in: HouZhipeng/CTR AFM/test_afm.py
# Idiom seen in: HouZhipeng/CTR AFM/model.py
# What it reproduces: the Criteo driver: builds Keras Sequences, calls the afm() factory with l2 regularizers on the
#   embeddings, kernels and biases, and trains with fit_generator (Keras adds the regularization terms). Clean.
import numpy as np
from keras.callbacks import TensorBoard
from keras.regularizers import l2
from sklearn.metrics import log_loss, roc_auc_score

from model import afm
from utils.callback import AucCallback
from utils.data import train_valid_test_split, sparse_feat_encode, SparseIdxDenseValSeq

full_data_file_path = '../dataset/cirteo/sample.txt'
sep = '\t'
target_col = 0
dense_field_cols = list(range(1, 14))
sparse_field_cols = list(range(14, 40))
sample_num, train_ratio, valid_ratio = 100000, 0.8, 0.1
batch_size, epochs, embed_size = 1024, 10, 8
log_dir = './logs/afm'

train_path, valid_path, test_path = train_valid_test_split(full_data_file_path, sample_num, train_ratio,
                                                            valid_ratio)
sparse_feat_map, sparse_index_num = sparse_feat_encode(full_data_file_path, sparse_field_cols, sep=sep)
train_seq = SparseIdxDenseValSeq(train_path, target_col, sparse_field_cols, sparse_feat_map, dense_field_cols,
                                 sep=sep, batch_size=batch_size)
valid_seq = SparseIdxDenseValSeq(valid_path, target_col, sparse_field_cols, sparse_feat_map, dense_field_cols,
                                 sep=sep, batch_size=batch_size)
test_seq = SparseIdxDenseValSeq(test_path, target_col, sparse_field_cols, sparse_feat_map, dense_field_cols,
                                sep=sep, batch_size=batch_size)

model = afm(len(sparse_field_cols), sparse_index_num, len(dense_field_cols), embed_size=embed_size,
            embeddings_regularizer=l2(1e-6), kernel_regularizer=l2(1e-5), bias_regularizer=l2(1e-5),
            attn_fact_num=8, output_activation='sigmoid')
model.fit_generator(generator=train_seq, epochs=epochs, validation_data=valid_seq, workers=1,
                    use_multiprocessing=False, shuffle=True, verbose=2,
                    callbacks=[AucCallback(train_generator=train_seq, valid_generator=valid_seq),
                               TensorBoard(log_dir=log_dir)])

test_true, test_pred = [], []
for index in range(len(test_seq)):
    batch_x, batch_y = test_seq[index]
    test_pred.append(model.predict_on_batch(batch_x))
    test_true.append(batch_y)
test_pred, test_true = np.vstack(test_pred), np.vstack(test_true)
print('Test loss: %.4f - Test auc: %.4f' % (log_loss(test_true, test_pred), roc_auc_score(test_true, test_pred)))
