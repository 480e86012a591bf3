# Idiom seen in: reczoo/FuxiCTR fuxictr/pytorch/models/rank_model.py
# What it reproduces: FuxiCTR's BaseModel.regularization_loss, guarded by
# `if self._embedding_regularizer or self._net_regularizer:`. Every model construction in this workspace
# passes 0 for both (the config below), so the whole penalty block is dead (WD303 at the guard).
import logging

import torch
import torch.nn as nn


def get_regularizer(reg):
    reg_pair = []
    if isinstance(reg, float) or isinstance(reg, int):
        reg_pair.append((2, reg))
    elif isinstance(reg, str):
        if reg.startswith("l1(") or reg.startswith("l2("):
            reg_pair.append((int(reg[1]), float(reg.rstrip(")").split("(")[-1])))
    return reg_pair


class BaseModel(nn.Module):
    def __init__(self, feature_map, model_id="BaseModel", embedding_regularizer=None, net_regularizer=None,
                 **kwargs):
        super(BaseModel, self).__init__()
        self.feature_map = feature_map
        self.model_id = model_id
        self._embedding_regularizer = embedding_regularizer
        self._net_regularizer = net_regularizer

    def compile(self, optimizer, loss, lr):
        self.optimizer = getattr(torch.optim, optimizer)(self.parameters(), lr=lr)
        self.loss_fn = getattr(torch.nn.functional, loss)

    def regularization_loss(self):
        reg_term = 0
        if self._embedding_regularizer or self._net_regularizer:  # expect: WD303
            emb_reg = get_regularizer(self._embedding_regularizer)
            net_reg = get_regularizer(self._net_regularizer)
            for _, module in self.named_modules():
                for p_name, param in module.named_parameters():
                    if param.requires_grad and p_name in ["weight", "bias"]:
                        if type(module) == nn.Embedding:
                            for emb_p, emb_lambda in emb_reg:
                                reg_term += (emb_lambda / emb_p) * torch.norm(param, emb_p) ** emb_p
                        else:
                            for net_p, net_lambda in net_reg:
                                reg_term += (net_lambda / net_p) * torch.norm(param, net_p) ** net_p
        return reg_term

    def compute_loss(self, return_dict, y_true):
        loss = self.loss_fn(return_dict["y_pred"], y_true, reduction="mean")
        loss += self.regularization_loss()
        return loss

    def train_step(self, batch_data):
        self.optimizer.zero_grad()
        X, y = batch_data
        return_dict = self.forward(X)
        loss = self.compute_loss(return_dict, y)
        loss.backward()
        nn.utils.clip_grad_norm_(self.parameters(), 10)
        self.optimizer.step()
        return loss

    def fit(self, data_generator, epochs=1):
        for epoch in range(epochs):
            for batch_index, batch_data in enumerate(data_generator):
                loss = self.train_step(batch_data)
            logging.info("epoch %d done, last loss %.5f", epoch, loss.item())
