# Idiom seen in: reczoo/FuxiCTR model_zoo/DeepFM/run_expid.py
# Idiom seen in: reczoo/FuxiCTR model_zoo/DeepFM/config/model_config.yaml
# What it reproduces: the experiment config (the YAML's DeepFM_test entry, inlined here) sets
# embedding_regularizer: 0 and net_regularizer: 0, so no construction ever enables the penalty.
from fuxictr.features import FeatureMap
from fuxictr.pytorch.dataloaders import RankDataLoader

from deepfm import DeepFM

params = {
    "model_id": "DeepFM_test",
    "dataset_id": "tiny_npz",
    "optimizer": "Adam",
    "loss": "binary_cross_entropy",
    "learning_rate": 1.0e-3,
    "embedding_dim": 10,
    "hidden_units": [64, 32],
    "net_dropout": 0,
    "embedding_regularizer": 0,
    "net_regularizer": 0,
    "epochs": 1,
}

if __name__ == "__main__":
    feature_map = FeatureMap(params["dataset_id"], "./data/tiny_npz")
    feature_map.load("./data/tiny_npz/feature_map.json", params)
    model = DeepFM(feature_map, **params)
    train_gen, valid_gen = RankDataLoader(feature_map, stage="train", batch_size=128).make_iterator()
    model.fit(train_gen, epochs=params["epochs"])
