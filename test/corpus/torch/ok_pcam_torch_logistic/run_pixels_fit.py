# Idiom seen in: vashineyu/NTU-DBME5028 lecture-machine-learning/scripts/run_pixels_fit.py
# Idiom seen in: vashineyu/NTU-DBME5028 lecture-machine-learning/src/models.py
# What it reproduces: the lecture's Trainer(method) dispatch over pixel features of tumour / normal
# patches, with a "torch_logistic" method that mirrors sklearn's L2 logistic regression: decay on the
# weight matrix only (the intercept in its own weight_decay=0.0 group), plain SGD with lr*wd = 1e-5: clean.
import argparse
import re
import sys
from collections import defaultdict
from glob import glob
from pathlib import Path

import numpy as np
import torch
from sklearn.model_selection import train_test_split

sys.path.append(".")
from models import LogisticRegressionTorch
from src.utils import load_image_targets, get_result_metrics  # not part of this workspace

LEARNING_RATE = 0.1
WEIGHT_DECAY = 1e-4


def make_inputs(inputs):
    inputs = inputs.reshape((len(inputs), -1))
    return np.float32(inputs) / 255.


class Trainer:
    def __init__(self, method):
        self._inputs_train = None
        self._targets_train = None
        self.model = None
        if method == "torch_logistic":
            self.train = self._train_torch_logistic
            self.predict = self._predict_torch_logistic
        else:
            assert False, "Method {} not found".format(method)

    def set_train_data(self, inputs: np.ndarray, targets: np.ndarray):
        self._inputs_train = inputs
        self._targets_train = targets

    def _train_torch_logistic(self, epochs=20, batch_size=256):
        x = torch.from_numpy(self._inputs_train)
        y = torch.from_numpy(np.float32(self._targets_train)).view(-1, 1)
        self.model = LogisticRegressionTorch(x.shape[1])
        optimizer = torch.optim.SGD([
            {"params": [self.model.linear.weight], "weight_decay": WEIGHT_DECAY},
            {"params": [self.model.linear.bias], "weight_decay": 0.0},
        ], lr=LEARNING_RATE)
        criterion = torch.nn.BCEWithLogitsLoss()
        for epoch in range(epochs):
            perm = torch.randperm(len(x))
            for start in range(0, len(x), batch_size):
                idx = perm[start:start + batch_size]
                optimizer.zero_grad()
                loss = criterion(self.model(x[idx]), y[idx])
                loss.backward()
                optimizer.step()
            print("epoch {}: loss {:.4f}".format(epoch, loss.item()))

    def _predict_torch_logistic(self, inputs):
        with torch.no_grad():
            return torch.sigmoid(self.model(torch.from_numpy(inputs))).squeeze(1).numpy()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="torch_logistic", help="Model Type")
    parser.add_argument("--data_root", default="./data/", help="Where is the data")
    args = parser.parse_args()

    files = glob("{}/*[x|y].h5".format(args.data_root))
    filepath = defaultdict(dict)
    for i in files:
        file_ = Path(i).stem
        condition = re.findall(pattern="train|valid|test", string=file_)[0]
        target_type = re.findall(pattern="_[x|y]", string=file_)[0]
        filepath[condition][target_type] = i

    train_x, train_y = load_image_targets(filepath["train"]["_x"], filepath["train"]["_y"])
    train_x, valid_x, train_y, valid_y = train_test_split(train_x, train_y, test_size=0.1)
    test_x, test_y = load_image_targets(filepath["test"]["_x"], filepath["test"]["_y"])

    trainer = Trainer(method=args.model)
    trainer.set_train_data(make_inputs(train_x), train_y)
    print("Train Start")
    trainer.train()
    y_pred = trainer.predict(make_inputs(test_x))
    print(get_result_metrics(y_true=test_y, y_score=y_pred))
