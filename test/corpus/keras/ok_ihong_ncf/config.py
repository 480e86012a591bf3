# Idiom seen in: ihongChen/keras-tutorial v2/NCF_MLP.ipynb
# What it reproduces: the NCF-MLP hyper-parameters (layer sizes and a per-layer l2 list) kept in a
#   config module that ncf_model.py and train_ncf.py import: clean.
PARAMS = {
    "layers": [64, 32, 16, 8],
    "reg_layers": [0, 0, 1e-5, 1e-5],
    "num_negatives": 4,
    "learning_rate": 0.001,
    "batch_size": 256,
    "epochs": 20,
    "topK": 10,
}
