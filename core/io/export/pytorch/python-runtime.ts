/**
 * The fixed part of every generated `model.py`: PyTorch modules that compute
 * exactly what the TF.js layers compute. Tensors travel between layers in
 * TensorFlow's layout (batch, height, width, channels), so Flatten, Dense,
 * Concatenate and softmax see the same axis order as in TF.js; convolution
 * and pooling switch to PyTorch's NCHW only inside their own forward.
 */
export const pythonRuntime = String.raw`import numpy as np
import torch
from torch import nn
import torch.nn.functional as F


def hard_sigmoid(x):
    """TF.js hard sigmoid, clip(0.2 x + 0.5, 0, 1). (torch's F.hardsigmoid is x / 6 + 0.5: different.)"""
    return torch.clamp(0.2 * x + 0.5, 0.0, 1.0)


ACTIVATIONS = {
    'linear': lambda x: x,
    'relu': F.relu,
    'relu6': lambda x: torch.clamp(x, 0.0, 6.0),
    'elu': F.elu,
    'selu': F.selu,
    'sigmoid': torch.sigmoid,
    'hard_sigmoid': hard_sigmoid,
    'tanh': torch.tanh,
    'softplus': F.softplus,
    'softsign': F.softsign,
    'softmax': lambda x: torch.softmax(x, dim=-1),
    'swish': lambda x: x * torch.sigmoid(x),
    'mish': lambda x: x * torch.tanh(F.softplus(x)),
}


def same_padding(size, kernel, stride, dilation=1):
    """TensorFlow 'same' padding along one axis as (before, after); an odd extra pixel goes after."""
    effective = (kernel - 1) * dilation + 1
    out = (size + stride - 1) // stride
    total = max((out - 1) * stride + effective - size, 0)
    return total // 2, total - total // 2


def pad_same_2d(x, kernel, stride, dilation=(1, 1), value=0.0):
    """Pads an NCHW tensor the way TensorFlow's 'same' does (possibly asymmetric)."""
    top, bottom = same_padding(x.shape[2], kernel[0], stride[0], dilation[0])
    left, right = same_padding(x.shape[3], kernel[1], stride[1], dilation[1])
    return F.pad(x, (left, right, top, bottom), value=value)


class DenseTF(nn.Linear):
    """Dense: y = g(x W + b) on the last axis. PyTorch stores W transposed ([out, in])."""

    def __init__(self, in_features, out_features, bias, activation):
        super().__init__(in_features, out_features, bias=bias)
        self.activation = activation

    def forward(self, x):
        return ACTIVATIONS[self.activation](super().forward(x))


class Conv2dTF(nn.Conv2d):
    """Conv2D on NHWC tensors with TensorFlow padding; kernels stored OIHW (TF.js stores HWIO)."""

    def __init__(self, in_channels, out_channels, kernel_size, stride, dilation, padding, bias, activation):
        super().__init__(in_channels, out_channels, kernel_size, stride=stride, padding=0, dilation=dilation, bias=bias)
        self.tf_padding = padding
        self.activation = activation

    def forward(self, x):
        x = x.permute(0, 3, 1, 2)
        if self.tf_padding == 'same':
            x = pad_same_2d(x, self.kernel_size, self.stride, self.dilation)
        x = super().forward(x).permute(0, 2, 3, 1)
        return ACTIVATIONS[self.activation](x)


class Pool2dTF(nn.Module):
    """MaxPooling2D / AveragePooling2D on NHWC tensors. With 'same', padded cells never win a max
    and are left out of an average, as in TensorFlow."""

    def __init__(self, mode, pool_size, strides, padding):
        super().__init__()
        self.mode, self.pool_size, self.strides, self.tf_padding = mode, tuple(pool_size), tuple(strides), padding

    def forward(self, x):
        x = x.permute(0, 3, 1, 2)
        k, s = self.pool_size, self.strides
        if self.mode == 'max':
            if self.tf_padding == 'same':
                x = pad_same_2d(x, k, s, value=float('-inf'))
            y = F.max_pool2d(x, k, s)
        elif self.tf_padding == 'same':
            ones = torch.ones_like(x[:, :1])
            y = F.avg_pool2d(pad_same_2d(x, k, s), k, s) / F.avg_pool2d(pad_same_2d(ones, k, s), k, s)
        else:
            y = F.avg_pool2d(x, k, s)
        return y.permute(0, 2, 3, 1)


class BatchNormTF(nn.BatchNorm1d):
    """BatchNormalization over the last axis (TF.js axis=-1) of a tensor of any rank, inference mode:
    (x - moving_mean) / sqrt(moving_variance + epsilon) * gamma + beta."""

    def forward(self, x):
        flat = x.reshape(-1, x.shape[-1])
        y = F.batch_norm(flat, self.running_mean, self.running_var, self.weight, self.bias, False, 0.0, self.eps)
        return y.reshape(x.shape)


class EmbeddingTF(nn.Embedding):
    """Embedding; token ids may arrive as floats (TF.js casts them to int32)."""

    def forward(self, x):
        return super().forward(x.long())


class LSTMTF(nn.LSTM):
    """TF.js LSTM with tanh and a sigmoid recurrent activation is exactly torch's nn.LSTM: both order the
    gates i, f, g(c), o. TF.js has one bias; it sits in bias_ih_l0 and bias_hh_l0 is zero."""

    def __init__(self, input_size, units, return_sequences):
        super().__init__(input_size, units, batch_first=True)
        self.return_sequences = return_sequences

    def forward(self, x, mask=None):
        out, _ = super().forward(x)
        return out if self.return_sequences else out[:, -1]


class RecurrentTF(nn.Module):
    """SimpleRNN, LSTM and GRU with TF.js's equations, for the cases nn.RNN/nn.LSTM/nn.GRU cannot express:
    TF.js gates with hard_sigmoid by default, and its GRU is the reset_after=False variant with gate order
    z, r, h (torch's nn.GRU resets after the matrix product, order r, z, n). Weights keep PyTorch's layout
    and names: weight_ih_l0 [gates*units, input], weight_hh_l0 [gates*units, units], bias_ih_l0 holds TF.js's
    bias, bias_hh_l0 is zero. A mask (from an Embedding with mask_zero) keeps the state on padded steps."""

    GATES = {'SimpleRNN': 1, 'LSTM': 4, 'GRU': 3}

    def __init__(self, cell, input_size, units, activation, recurrent_activation, return_sequences):
        super().__init__()
        gates = self.GATES[cell]
        self.cell, self.units, self.return_sequences = cell, units, return_sequences
        self.activation, self.recurrent_activation = ACTIVATIONS[activation], ACTIVATIONS[recurrent_activation]
        self.weight_ih_l0 = nn.Parameter(torch.zeros(gates * units, input_size))
        self.weight_hh_l0 = nn.Parameter(torch.zeros(gates * units, units))
        self.bias_ih_l0 = nn.Parameter(torch.zeros(gates * units))
        self.bias_hh_l0 = nn.Parameter(torch.zeros(gates * units))

    def step(self, xt, h, c):
        act, rec = self.activation, self.recurrent_activation
        if self.cell == 'LSTM':
            i, f, g, o = (xt + F.linear(h, self.weight_hh_l0, self.bias_hh_l0)).chunk(4, dim=-1)
            c = rec(f) * c + rec(i) * act(g)
            return rec(o) * act(c), c
        if self.cell == 'GRU':
            xz, xr, xh = xt.chunk(3, dim=-1)
            wz, wr, wh = self.weight_hh_l0.chunk(3, dim=0)
            z = rec(xz + F.linear(h, wz))
            r = rec(xr + F.linear(h, wr))
            hh = act(xh + F.linear(r * h, wh))
            return z * h + (1 - z) * hh, c
        return act(xt + F.linear(h, self.weight_hh_l0, self.bias_hh_l0)), c

    def forward(self, x, mask=None):
        xs = F.linear(x, self.weight_ih_l0, self.bias_ih_l0)
        h = x.new_zeros(x.shape[0], self.units)
        c = x.new_zeros(x.shape[0], self.units)
        outputs = []
        for t in range(x.shape[1]):
            h_new, c_new = self.step(xs[:, t], h, c)
            if mask is None:
                h, c = h_new, c_new
            else:
                keep = mask[:, t].unsqueeze(-1)
                h, c = torch.where(keep, h_new, h), torch.where(keep, c_new, c)
            outputs.append(h)
        return torch.stack(outputs, dim=1) if self.return_sequences else h


def load_weights(model, path):
    """Loads weights.npz (arrays already in PyTorch's layouts) into the model; every key must match."""
    with np.load(path) as arrays:
        state = {key: torch.from_numpy(arrays[key].copy()) for key in arrays.files}
    model.load_state_dict(state, strict=True)
    return model.eval()
`;
