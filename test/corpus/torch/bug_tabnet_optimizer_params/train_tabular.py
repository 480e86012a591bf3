# Idiom seen in: dreamquark-ai/tabnet census_example.ipynb
# Idiom seen in: dreamquark-ai/tabnet pytorch_tabnet/abstract_model.py
# What it reproduces: the script adds weight_decay to optimizer_params while keeping
# optimizer_fn=torch.optim.Adam; tab_model.py unpacks it into Adam over all network parameters
# (coupled L2 reported at the dict entry here, decay on BN/bias reported in tab_model.py).
import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import LabelEncoder

from tab_model import TabNetClassifier

train = pd.read_csv("census-income.csv")
target = " <=50K"
for col in train.columns[train.dtypes == object]:
    train[col] = LabelEncoder().fit_transform(train[col].fillna("VV_likely"))

features = [c for c in train.columns if c != target]
X = train[features].values.astype(np.float32)
y = train[target].values
idx = np.random.permutation(len(X))
train_idx, valid_idx = idx[: int(0.8 * len(X))], idx[int(0.8 * len(X)):]

clf = TabNetClassifier(
    n_d=16, n_a=16, n_steps=5,
    optimizer_fn=torch.optim.Adam,
    optimizer_params=dict(
        lr=2e-2,
        weight_decay=1e-5,  # expect: WD202
    ),
    scheduler_params={"step_size": 50, "gamma": 0.9},
)

clf.fit(
    X_train=X[train_idx], y_train=y[train_idx],
    eval_set=[(X[valid_idx], y[valid_idx])],
    max_epochs=100, batch_size=1024,
)
preds = clf.predict_proba(X[valid_idx])
print("valid acc", (preds.argmax(1) == y[valid_idx]).mean())
