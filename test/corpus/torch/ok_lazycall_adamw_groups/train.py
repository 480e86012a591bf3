# Idiom seen in: Weijiang-Xiong/OpenSkyTraffic scripts/train.py
# What it reproduces: the lazy-config entry point, except that the optimizer's params are two groups
#   built from the model: weight matrices/embeddings decayed with the config's weight_decay, and
#   biases and normalisation parameters with weight_decay 0. Clean.
import torch
import torch.nn as nn

from skytraffic.config import LazyConfig, instantiate, default_argument_parser

NORM_TYPES = (nn.BatchNorm1d, nn.BatchNorm2d, nn.LayerNorm, nn.GroupNorm)


def param_groups(model, weight_decay):
    decay, no_decay, seen = [], [], set()
    for module in model.modules():
        for name, p in module.named_parameters(recurse=False):
            if not p.requires_grad or id(p) in seen:
                continue
            seen.add(id(p))
            if isinstance(module, NORM_TYPES) or name == "bias":
                no_decay.append(p)
            else:
                decay.append(p)
    return [{"params": decay, "weight_decay": weight_decay}, {"params": no_decay, "weight_decay": 0.0}]


def main(args):
    cfg = LazyConfig.load(args.config_file)
    cfg = LazyConfig.apply_overrides(cfg, overrides=args.opts)

    train_set = instantiate(cfg.dataset.train)
    cfg.dataloader.train.dataset, cfg.dataloader.train.collate_fn = train_set, train_set.collate_fn
    train_loader = instantiate(cfg.dataloader.train)
    cfg.model.metadata = train_set.metadata
    model = instantiate(cfg.model).to(cfg.train.device)

    cfg.optimizer.params = param_groups(model, cfg.optimizer.weight_decay)
    optimizer = instantiate(cfg.optimizer)

    for epoch in range(cfg.train.max_epoch):
        model.train()
        for data in train_loader:
            loss = sum(model(data).values())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    main(default_argument_parser().parse_args(["--config-file", "stid_cfg.py"]))
