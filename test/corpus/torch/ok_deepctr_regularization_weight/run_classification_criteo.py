# Idiom seen in: shenweichen/DeepCTR-Torch deepctr_torch/models/basemodel.py (model.compile("adagrad",
#   "binary_crossentropy") then model.fit, as in the project's Criteo example)
# What it reproduces: the Criteo CTR example: label-encode sparse features, min-max dense features, build
#   SparseFeat/DenseFeat columns, DeepFM with L2 on the DNN, compile with the "adagrad" string, fit.
# label-note: clean (see basemodel.py).
import pandas as pd
import torch
from sklearn.preprocessing import LabelEncoder, MinMaxScaler

from deepfm import DeepFM
from inputs import SparseFeat, DenseFeat, make_loader

if __name__ == "__main__":
    data = pd.read_csv("./criteo_sample.txt")
    sparse_features = ["C" + str(i) for i in range(1, 27)]
    dense_features = ["I" + str(i) for i in range(1, 14)]
    data[sparse_features] = data[sparse_features].fillna("-1")
    data[dense_features] = data[dense_features].fillna(0)
    for feat in sparse_features:
        data[feat] = LabelEncoder().fit_transform(data[feat])
    data[dense_features] = MinMaxScaler(feature_range=(0, 1)).fit_transform(data[dense_features])
    fixlen_feature_columns = [SparseFeat(feat, data[feat].nunique(), embedding_dim=4) for feat in sparse_features] \
        + [DenseFeat(feat, 1) for feat in dense_features]
    device = "cuda:0" if torch.cuda.is_available() else "cpu"
    model = DeepFM(linear_feature_columns=fixlen_feature_columns, dnn_feature_columns=fixlen_feature_columns,
                   task="binary", l2_reg_embedding=1e-5, l2_reg_dnn=1e-5, dnn_use_bn=True, device=device)
    model.compile("adagrad", "binary_crossentropy")
    model.fit(make_loader(data, fixlen_feature_columns, target="label", batch_size=256), epochs=10)
