# Idiom seen in: microsoft/qlib examples/benchmarks/Transformer/workflow_config_transformer_Alpha360.yaml
# Idiom seen in: microsoft/qlib qlib/contrib/model/pytorch_transformer.py
# What it reproduces: the Alpha360 benchmark run written as a script: the yaml's model kwargs (d_feat 6,
#   seed 0) with TransformerModel's defaults spelled out (optimizer "adam", reg 1e-3, lr 1e-4).
import qlib
from qlib.constant import REG_CN
from qlib.utils import init_instance_by_config

from pytorch_transformer import TransformerModel

provider_uri = "~/.qlib/qlib_data/cn_data"
market = "csi300"
benchmark = "SH000300"

data_handler_config = {
    "start_time": "2008-01-01",
    "end_time": "2020-08-01",
    "fit_start_time": "2008-01-01",
    "fit_end_time": "2014-12-31",
    "instruments": market,
}

dataset_config = {
    "class": "DatasetH",
    "module_path": "qlib.data.dataset",
    "kwargs": {
        "handler": {"class": "Alpha360", "module_path": "qlib.contrib.data.handler", "kwargs": data_handler_config},
        "segments": {
            "train": ("2008-01-01", "2014-12-31"),
            "valid": ("2015-01-01", "2016-12-31"),
            "test": ("2017-01-01", "2020-08-01"),
        },
    },
}

if __name__ == "__main__":
    qlib.init(provider_uri=provider_uri, region=REG_CN)
    dataset = init_instance_by_config(dataset_config)
    model = TransformerModel(d_feat=6, d_model=64, batch_size=2048, nhead=2, num_layers=2, dropout=0,
                             n_epochs=100, lr=0.0001, early_stop=5, loss="mse", optimizer="adam",
                             reg=1e-3, GPU=0, seed=0)
    model.fit(dataset, save_path="transformer_alpha360.pt")
