# Idiom seen in: XMU-Kuangnan-Fang-Team/GENetLib GENetLib/ScalerL2Train.py
# What it reproduces: a small research library whose "L2 training" routine gets its only L2 from
#   Adam's coupled weight_decay, applied to every parameter of the network built by a factory module.
# label-note: WD202 (Adam weight_decay=L2, L2 = 0.1 in the driver) and WD203 (net.parameters() includes the
#   biases of GE_Net's Linear layers); both sit on the one optimizer line.
import numpy as np
import torch
import torch.optim as optim
from torch.nn import BCELoss, MSELoss
from sklearn.metrics import accuracy_score, r2_score

from GENet import GE_Net
from Survival_CostFunc_CIndex import neg_par_log_likelihood, c_index


def pick_loss(ytype):
    if ytype == "Survival":
        return lambda pred, y: neg_par_log_likelihood(pred, y[0], y[1])
    if ytype == "Binary":
        return BCELoss()
    if ytype == "Continuous":
        return MSELoss()
    raise ValueError("Invalid ytype")


def scaler_l2_train(train_x, train_clin, train_inter, train_y,
                    eval_x, eval_clin, eval_inter, eval_y,
                    in_nodes, inter_nodes, clin_nodes, n_hidden, hidden_sizes,
                    ytype, issnp, learning_rate2, L2, num_epochs, model_reg=None):
    net = GE_Net(in_nodes, inter_nodes, clin_nodes, n_hidden, hidden_sizes, ytype, issnp, model_reg)
    opt = optim.Adam(net.parameters(), lr=learning_rate2, weight_decay=L2)  # expect: WD202, WD203
    loss_fn = pick_loss(ytype)
    for epoch in range(num_epochs + 1):
        net.train()
        pred = net(train_x, train_inter, train_clin)
        opt.zero_grad()
        loss = loss_fn(pred, train_y)
        loss.backward()
        opt.step()
    net.eval()
    with torch.no_grad():
        train_pred = net(train_x, train_inter, train_clin)
        eval_pred = net(eval_x, eval_inter, eval_clin)
    if ytype == "Binary":
        tr_lab = np.where(train_pred.numpy() > 0.5, 1, 0)
        ev_lab = np.where(eval_pred.numpy() > 0.5, 1, 0)
        return accuracy_score(train_y.numpy(), tr_lab), accuracy_score(eval_y.numpy(), ev_lab), net
    if ytype == "Continuous":
        return r2_score(train_y.numpy(), train_pred.numpy()), r2_score(eval_y.numpy(), eval_pred.numpy()), net
    return c_index(train_pred, train_y[0], train_y[1]), c_index(eval_pred, eval_y[0], eval_y[1]), net


if __name__ == "__main__":
    from SimDataScaler import SimDataScaler
    from PreData1 import PreData1

    ytype = "Survival"
    sim = SimDataScaler(0.25, 0.3, 500, 5, 1500, 2, ytype, 30)
    (x_tr, y_tr, c_tr, i_tr, x_va, y_va, c_va, i_va, *_rest) = PreData1(
        sim, 500, 5, 2500, ytype, split_type=1, ratio=[3, 1, 1])
    res = scaler_l2_train(x_tr, c_tr, i_tr, y_tr, x_va, c_va, i_va, y_va,
                          500, 2500, 5, 2, [1000, 100], ytype, False,
                          learning_rate2=0.005, L2=0.1, num_epochs=100)
    print(res[:2])
