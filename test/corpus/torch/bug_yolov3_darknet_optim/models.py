# Idiom seen in: eriklindernoren/PyTorch-YOLOv3 pytorchyolo/models.py
# Idiom seen in: eriklindernoren/PyTorch-YOLOv3 pytorchyolo/train.py
# What it reproduces: Darknet model whose [net] block hyperparams (decay=0.0005, optimizer=adam) drive the
#   optimizer built in train.py; Adam gets the darknet decay as coupled L2 on every parameter (real repo).
import torch
import torch.nn as nn


def parse_model_config(path):
    """Parses the darknet .cfg file into a list of blocks."""
    with open(path, "r") as f:
        lines = [l.strip() for l in f.read().split("\n")]
    lines = [l for l in lines if l and not l.startswith("#")]
    module_defs = []
    for line in lines:
        if line.startswith("["):
            module_defs.append({"type": line[1:-1].rstrip()})
            if module_defs[-1]["type"] == "convolutional":
                module_defs[-1]["batch_normalize"] = 0
        else:
            key, value = line.split("=")
            module_defs[-1][key.rstrip()] = value.strip()
    return module_defs


def create_modules(module_defs):
    net = module_defs.pop(0)
    hyperparams = {
        "batch": int(net.get("batch", 16)),
        "subdivisions": int(net.get("subdivisions", 1)),
        "height": int(net.get("height", 416)),
        "learning_rate": float(net.get("learning_rate", 1e-3)),
        "momentum": float(net.get("momentum", 0.9)),
        "decay": float(net.get("decay", 0.0005)),
        "burn_in": int(net.get("burn_in", 1000)),
        "optimizer": net.get("optimizer", "adam"),
        "lr_steps": [(400000, 0.1), (450000, 0.1)],
    }
    output_filters = [3]
    module_list = nn.ModuleList()
    for i, mdef in enumerate(module_defs):
        modules = nn.Sequential()
        if mdef["type"] == "convolutional":
            bn = int(mdef["batch_normalize"])
            filters = int(mdef["filters"])
            k = int(mdef["size"])
            modules.add_module(f"conv_{i}", nn.Conv2d(output_filters[-1], filters, k,
                                                      int(mdef["stride"]), (k - 1) // 2, bias=not bn))
            if bn:
                modules.add_module(f"batch_norm_{i}", nn.BatchNorm2d(filters, momentum=0.1, eps=1e-5))
            if mdef["activation"] == "leaky":
                modules.add_module(f"leaky_{i}", nn.LeakyReLU(0.1))
        elif mdef["type"] == "upsample":
            modules.add_module(f"upsample_{i}", nn.Upsample(scale_factor=int(mdef["stride"])))
            filters = output_filters[-1]
        else:
            filters = output_filters[-1]
        module_list.append(modules)
        output_filters.append(filters)
    return hyperparams, module_list


class Darknet(nn.Module):
    def __init__(self, config_path, img_size=416):
        super().__init__()
        self.module_defs = parse_model_config(config_path)
        self.hyperparams, self.module_list = create_modules(self.module_defs)
        self.img_size = img_size
        self.seen = 0

    def forward(self, x):
        outputs = []
        for module in self.module_list:
            x = module(x)
            outputs.append(x)
        return outputs


def load_model(model_path, weights_path=None):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = Darknet(model_path).to(device)
    if weights_path:
        model.load_state_dict(torch.load(weights_path, map_location=device))
    return model
