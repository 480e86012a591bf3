# Idiom seen in: Weijiang-Xiong/OpenSkyTraffic scripts/train.py
# What it reproduces: the lazy-config entry point: the optimizer config's params are set to all of
#   model.parameters() and instantiated, so the Adam of himsnet_cfg decays every parameter (norms and
#   biases included) with coupled L2.
import torch

from skytraffic.config import LazyConfig, instantiate, default_argument_parser


def main(args):
    cfg = LazyConfig.load(args.config_file)
    cfg = LazyConfig.apply_overrides(cfg, overrides=args.opts)

    train_set = instantiate(cfg.dataset.train)
    cfg.dataloader.train.dataset, cfg.dataloader.train.collate_fn = train_set, train_set.collate_fn
    train_loader = instantiate(cfg.dataloader.train)

    cfg.model.metadata = train_set.metadata
    model = instantiate(cfg.model).to(cfg.train.device)

    # build optimizer using the corresponding configuration
    cfg.optimizer.params = model.parameters()  # expect: WD203
    optimizer = instantiate(cfg.optimizer)

    for epoch in range(cfg.train.max_epoch):
        model.train()
        for data in train_loader:
            loss_dict = model(data)
            loss = sum(loss_dict.values())
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()


if __name__ == "__main__":
    args = default_argument_parser().parse_args(["--config-file", "himsnet_cfg.py"])
    main(args)
