# Idiom seen in: cemoody/pytorch-rec utils/trainer.py (Trainer.fit: `scalar = sum(loss); scalar.backward()`,
#   `kwargs = {f'loss_{i}': ...}` for the log)
# What it reproduces: a Keras-like Trainer that accepts a model whose loss() returns several terms: the
#   builtin sum() of the tuple is backpropagated, each term is logged under loss_0, loss_1, ...
# label-note: clean: sum(loss) contains the prior, so the embedding prior reaches backward(); Adam in run.py
#   has no weight_decay.
import random
import time

import torch
from sklearn.utils import shuffle


def chunks(batchsize, *arrs, device="cpu"):
    length = arrs[0].shape[0]
    for i in range(0, length, batchsize):
        yield [torch.from_numpy(arr[i:i + batchsize]).to(device) for arr in arrs]


class Trainer(object):
    def __init__(self, model, optimizer, batchsize=2048, print_every=25, clip=None, device="cpu"):
        self.model = model
        self.optimizer = optimizer
        self.batchsize = batchsize
        self.print_every = print_every
        self.clip = clip
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
            loss = self.model.loss(pred, target)
            scalar = sum(loss)
            scalar.backward()
            if self.clip:
                torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.clip)
            self.optimizer.step()
            entry = {f"loss_{i}": l.item() for i, l in enumerate(loss)}
            entry["iter_time"] = time.time() - start
            self.log.append(entry)
            if it % self.print_every == 0:
                print(it, entry)
