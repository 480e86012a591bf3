# Idiom seen in: cemoody/pytorch-rec utils/trainer.py (Trainer.fit, chunks)
# What it reproduces: a small Keras-like Trainer(model, optimizer) that shuffles the numpy arrays, slices
#   minibatches, and calls `self.model.loss(pred, target)`. It was written for models whose loss is one
#   tensor; when MF's loss became a (llh, reg) pair, `loss.backward()` failed on the tuple and was "fixed" by
#   indexing [0].
# label-note: no label here; the discarded term is formed in models/mf.py (WD104 there).
import random
import time

import torch
from sklearn.utils import shuffle


def chunks(batchsize, *arrs, device="cpu"):
    length = arrs[0].shape[0]
    for i in range(0, length, batchsize):
        yield [torch.from_numpy(arr[i:i + batchsize]).to(device) for arr in arrs]


class Trainer(object):
    def __init__(self, model, optimizer, batchsize=2048, print_every=25, device="cpu"):
        self.model = model
        self.optimizer = optimizer
        self.batchsize = batchsize
        self.print_every = print_every
        self.device = device
        self.log = []

    def fit(self, *args):
        self.model.train(True)
        args = shuffle(*args, random_state=random.randint(0, 100000))
        for it, batch in enumerate(chunks(self.batchsize, *args, device=self.device)):
            start = time.time()
            target = batch[-1]
            self.optimizer.zero_grad()
            pred = self.model.forward(*batch[:-1])
            loss = self.model.loss(pred, target)[0]
            loss.backward()
            self.optimizer.step()
            self.log.append({"loss": loss.item(), "iter_time": time.time() - start})
            if it % self.print_every == 0:
                print(it, self.log[-1])
