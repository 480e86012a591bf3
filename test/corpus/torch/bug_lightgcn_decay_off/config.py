# Idiom seen in: gzy02/LightGCN-PyTorch LightGCN/config.py
# What it reproduces: hyper-parameters kept as class attributes of a `config` class imported by train.py;
#   here the decay has been set to 0.0 (the repository ships 1e-7).
class config:
    seed = 2023
    dataSetName = 'gowalla'
    data_path = "./data/{}/".format(dataSetName)

    useBCELoss = False
    batch_size = 1024 * 8

    hidden_dim = 128
    n_layers = 3
    alpha_k = [1 / (layer + 1) for layer in range(n_layers + 1)]

    epochs = 2000
    lr = 1e-3
    decay = 0.0

    topk = 20
    load_weight = False

    @classmethod
    def display(cls):
        print("-----------Configuration-----------")
        for key, value in cls.__dict__.items():
            if not key.startswith('__') and not callable(value) and key != cls.display.__name__:
                print(f"{key}: {value}")
        print("----------------End----------------")
