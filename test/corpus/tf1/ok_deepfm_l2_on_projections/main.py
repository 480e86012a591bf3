# Idiom seen in: ChenglongChen/tensorflow-DeepFM DeepFM.py (constructor parameters, fit_on_batch); the driver is
#   written here after the repo's example/ layout (a dfm_params dict and a config module)
# What it reproduces: the example driver: feature dictionary and parsed Xi/Xv arrays from a data module that is
#   not part of this folder, the model parameters in a dfm_params dict (l2_reg=0.01), K-fold training that
#   builds a fresh DeepFM(**dfm_params) per fold and feeds it mini-batches.
import numpy as np
from sklearn.model_selection import StratifiedKFold

import config
from data_reader import FeatureDictionary, DataParser
from deepfm import DeepFM

dfm_params = {
    "embedding_size": 8,
    "deep_layers": [32, 32],
    "dropout_deep": [0.5, 0.5, 0.5],
    "learning_rate": 0.001,
    "optimizer_type": "adam",
    "batch_norm": 1,
    "batch_norm_decay": 0.995,
    "l2_reg": 0.01,
    "random_seed": config.RANDOM_SEED,
}


def run_base_model_dfm(Xi_train, Xv_train, y_train, folds, params, batch_size=1024, epochs=30):
    for i, (train_idx, valid_idx) in enumerate(folds):
        model = DeepFM(**params)
        for epoch in range(epochs):
            perm = np.random.permutation(train_idx)
            for start in range(0, len(perm), batch_size):
                idx = perm[start:start + batch_size]
                model.fit_on_batch([Xi_train[j] for j in idx], [Xv_train[j] for j in idx],
                                   [[y_train[j]] for j in idx])


if __name__ == "__main__":
    fd = FeatureDictionary(trainfile=config.TRAIN_FILE, testfile=config.TEST_FILE,
                           numeric_cols=config.NUMERIC_COLS, ignore_cols=config.IGNORE_COLS)
    Xi_train, Xv_train, y_train = DataParser(feat_dict=fd).parse(infile=config.TRAIN_FILE, has_label=True)
    dfm_params["feature_size"] = fd.feat_dim
    dfm_params["field_size"] = len(Xi_train[0])
    folds = list(StratifiedKFold(n_splits=config.NUM_SPLITS, shuffle=True,
                                 random_state=config.RANDOM_SEED).split(Xi_train, y_train))
    run_base_model_dfm(Xi_train, Xv_train, y_train, folds, dfm_params)
