# Idiom seen in: AIStream-Peelout/flow-forecast flood_forecast/pytorch_training.py
# What it reproduces: the generic training function that looks the optimizer class up by name and splats the
#   config's "optim_params" into it. With trainer.py's config (Adam, weight_decay 1e-4) this is coupled L2 (WD202,
#   reported at the config entry) over all of model.model.parameters(), LSTM/Linear biases included (WD203).
import torch
from torch.utils.data import DataLoader

from time_model import pytorch_opt_dict

pytorch_criterion_dict = {"MSE": torch.nn.MSELoss, "L1": torch.nn.L1Loss}


def train_transformer_style(model, training_params, takes_target=False, forward_params={}):
    opt = pytorch_opt_dict[training_params["optimizer"]](
        model.model.parameters(), **training_params["optim_params"])  # expect: WD203
    criterion = pytorch_criterion_dict[training_params["criterion"]]()
    max_epochs = training_params["epochs"]
    data_loader = DataLoader(model.training, batch_size=training_params["batch_size"], shuffle=False)
    validation_data_loader = DataLoader(model.validation, batch_size=training_params["batch_size"], shuffle=False)
    for epoch in range(max_epochs):
        total_loss = torch_single_train(model, opt, criterion, data_loader, takes_target, forward_params)
        print("The loss for epoch " + str(epoch) + " " + str(total_loss))
        valid = compute_validation(validation_data_loader, model.model, criterion, model.device)
        print("validation loss " + str(valid))
    model.save_model("model_save/" + training_params.get("name", "run"), max_epochs)


def torch_single_train(model, opt, criterion, data_loader, takes_target, forward_params):
    model.model.train()
    running_loss = 0.0
    i = 0
    for src, trg in data_loader:
        opt.zero_grad()
        src, trg = src.to(model.device), trg.to(model.device)
        if takes_target:
            forward_params["t"] = trg
        output = model.model(src, **forward_params)
        labels = trg[:, :, 0]
        loss = criterion(output, labels.float())
        loss.backward()
        opt.step()
        if torch.isnan(loss) or loss == float('inf'):
            raise ValueError("Error infinite or NaN loss detected. Try normalizing data or performing interpolation")
        running_loss += loss.item()
        i += 1
    return running_loss / i


def compute_validation(loader, model, criterion, device):
    model.eval()
    loss = 0.0
    with torch.no_grad():
        for src, trg in loader:
            output = model(src.to(device))
            loss += criterion(output, trg[:, :, 0].float().to(device)).item()
    return loss / len(loader)
