# Idiom seen in: boostcampaitech7/level4-recsys-finalproject-hackathon-recsys-05-lv3 src/lightgcn_utils/loss.py (its OmegaConf optimizer section: type + args{lr, weight_decay})
# What it reproduces: the experiment config as a plain dict; the optimizer entry names the torch.optim class and its args, weight_decay included.
CONFIG = {
    "model": {"latent_dim": 64, "n_layers": 3, "keep_prob": 0.6, "dropout": False},
    "optimizer": {"type": "Adam", "args": {"lr": 1e-3, "weight_decay": 1e-4}},
    "dataloader": {"bpr_batch_size": 2048, "test_batch_size": 100, "neg_ratio": 1},
    "train": {"epochs": 300, "show_interval": 50},
    "topks": [20],
    "device": "cuda",
    "seed": 2020,
}
