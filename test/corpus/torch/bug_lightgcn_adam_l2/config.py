# Idiom seen in: HengLuRepos/GNN config.py
# What it reproduces: config class for LightGCN; weight_decay is handed to Adam by the training script.
class Config:
    def __init__(self) -> None:
        self.layers = 3
        self.embedding_dim = 64
        self.weight_decay = 1e-4
        self.epoch = 1000
        self.neg_ratio = 4
        self.user_sample = 500
        self.pos_number = 1
        self.lr = 1e-3
